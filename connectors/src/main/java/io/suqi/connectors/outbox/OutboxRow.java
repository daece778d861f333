package io.suqi.connectors.outbox;

import io.suqi.schemas.Question;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.UUID;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;

/**
 * A row of suqi.outbox as Debezium carries it (the {@code after} of its change event), checked
 * against the same rules as a question asked over HTTP.
 */
record OutboxRow(String queryId, String tenantId, String dbRole, String platform, String question,
    int contextLimit, Instant createdAt) {

  static final int MAX_QUESTION_LENGTH = 2_000;

  /**
   * Reads and checks a row.
   *
   * @throws MalformedOutboxRow saying which column is missing or wrong
   */
  static OutboxRow of(Struct after) {
    if (after == null) {
      throw new MalformedOutboxRow("the change event has no row (after is null)");
    }
    String queryId = text(after, "query_id");
    try {
      UUID.fromString(queryId);
    } catch (IllegalArgumentException e) {
      throw new MalformedOutboxRow("query_id is not a UUID: " + queryId);
    }
    String question = text(after, "question").strip();
    if (question.length() > MAX_QUESTION_LENGTH) {
      throw new MalformedOutboxRow("question is longer than " + MAX_QUESTION_LENGTH + " characters");
    }
    Object limit = value(after, "context_limit");
    if (!(limit instanceof Integer contextLimit) || contextLimit < 1 || contextLimit > 100) {
      throw new MalformedOutboxRow("context_limit must be an integer from 1 to 100, got " + limit);
    }
    return new OutboxRow(queryId, text(after, "tenant_id"), text(after, "db_role"), text(after, "platform"),
        question, contextLimit, instant(after, "created_at"));
  }

  /** The question as the orchestrator takes it; the database role that asked is its user. */
  Question toQuestion() {
    return Question.newBuilder()
        .setQueryId(queryId)
        .setTenantId(tenantId)
        .setPlatform(platform)
        .setUserId(dbRole)
        .setQuestion(question)
        .setContextLimit(contextLimit)
        .setSubmittedAt(createdAt)
        .build();
  }

  private static Object value(Struct row, String column) {
    Field field = row.schema().field(column);
    if (field == null) {
      throw new MalformedOutboxRow("the row has no column " + column);
    }
    return row.get(field);
  }

  private static String text(Struct row, String column) {
    Object value = value(row, column);
    if (!(value instanceof String s) || s.isBlank()) {
      throw new MalformedOutboxRow(column + " must be non-empty text, got " + value);
    }
    return s;
  }

  /** timestamptz arrives as ISO-8601 text (Debezium's ZonedTimestamp); a Connect Timestamp is read too. */
  private static Instant instant(Struct row, String column) {
    Object value = value(row, column);
    if (value instanceof Date date) {
      return date.toInstant();
    }
    if (value instanceof String s) {
      try {
        return OffsetDateTime.parse(s).toInstant();
      } catch (DateTimeParseException e) {
        throw new MalformedOutboxRow(column + " is not an ISO-8601 timestamp: " + s);
      }
    }
    throw new MalformedOutboxRow(column + " must be a timestamp, got " + value);
  }

  /** A row that cannot become a Question; the message is the reason given in the dead letter. */
  static final class MalformedOutboxRow extends RuntimeException {
    MalformedOutboxRow(String reason) {
      super(reason);
    }
  }
}
