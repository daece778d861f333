package io.suqi.agents.security;

import io.suqi.agents.AgentResults;
import io.suqi.agents.TaskHandler;
import io.suqi.agents.TenantId;
import io.suqi.agents.analytics.AnalyticsConfig;
import io.suqi.agents.analytics.Column;
import io.suqi.agents.analytics.ReadOnlyQuery;
import io.suqi.agents.analytics.SqlStatement;
import io.suqi.agents.analytics.TabularResult;
import io.suqi.agents.time.TimeRange;
import io.suqi.agents.time.TimeWords;
import io.suqi.schemas.AgentResult;
import io.suqi.schemas.AgentTask;
import io.suqi.schemas.Answer;
import io.suqi.schemas.Citation;
import io.suqi.schemas.ResultStatus;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers an admin's questions about the tenant's gating and audit data — rejected and throttled
 * requests, quota hits, access by user, unusual volumes and hours, injection attempts — from
 * scout.ai_orchestration_log and the trace's gate and classify steps. The orchestrator lets only
 * admin keys reach this agent; the rows are the asking tenant's only (row-level security as role
 * {@value #ROLE}, plus the tenant bound in every query).
 */
public final class SecurityAnswerer implements TaskHandler {

  static final String ROLE = "suqi_security";
  private static final Logger LOG = LoggerFactory.getLogger(SecurityAnswerer.class);
  private static final List<Citation> SOURCES = List.of(
      source("scout.ai_orchestration_log", "Orchestration log: one row per question"),
      source("scout.orchestration_trace", "Orchestration trace: the gate and classify steps"));

  private final Clock clock;
  private final TimeWords timeWords;
  private final ReadOnlyQuery database;

  public SecurityAnswerer(DataSource dataSource, Clock clock, AnalyticsConfig limits) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.timeWords = new TimeWords(clock);
    this.database = new ReadOnlyQuery(dataSource, limits, ROLE);
  }

  @Override
  public AgentResult handle(AgentTask task) {
    long started = System.nanoTime();
    Optional<AuditTopic> topic = AuditTopic.of(task.getQuestion());
    if (topic.isEmpty()) {
      return result(task, ResultStatus.UNANSWERABLE, AgentResults.textAnswer(whatICanAnswer(), null), null, started);
    }
    TenantId tenant = new TenantId(task.getTenantId());
    TimeRange range = timeWords.find(task.getQuestion());
    SqlStatement statement = AuditQueries.of(topic.get(), tenant, range);
    try {
      TabularResult table = database.run(tenant, statement);
      return result(task, ResultStatus.OK, answer(topic.get(), range, tenant, statement, table), null, started);
    } catch (SQLException | RuntimeException e) {
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      LOG.warn("security query {} failed: {}", task.getQueryId(), reason);
      return result(task, ResultStatus.FAILED,
          AgentResults.textAnswer("The audit query failed: " + reason, statement.withParameters()), reason, started);
    }
  }

  private static Answer answer(AuditTopic topic, TimeRange range, TenantId tenant, SqlStatement statement,
      TabularResult table) {
    String summary = table.rows().isEmpty()
        ? "No " + topic.description() + " for tenant " + tenant + " (" + range.label() + ")."
        : capitalised(topic.description()) + " for tenant " + tenant + " (" + range.label() + "): "
            + table.rows().size() + (table.truncated() ? "+" : "") + " rows, the first: "
            + firstRow(table) + ".";
    return Answer.newBuilder()
        .setText(summary + " Based on the orchestration log and the gate and classify steps of its trace.")
        .setSql(statement.withParameters())
        .setColumns(table.columns().stream().map(Column::name).toList())
        .setColumnTypes(table.columns().stream().map(c -> c.type().wireName()).toList())
        .setRows(table.rows())
        .setCitations(SOURCES)
        .build();
  }

  private static String firstRow(TabularResult table) {
    List<String> row = table.rows().get(0);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < row.size(); i++) {
      text.append(i == 0 ? "" : ", ").append(table.columns().get(i).name()).append(' ').append(row.get(i));
    }
    return text.toString();
  }

  private static Citation source(String table, String title) {
    return Citation.newBuilder().setSourceId(table).setTitle(title).build();
  }

  static String whatICanAnswer() {
    return "I answer admins about this tenant's access and gating: "
        + Arrays.stream(AuditTopic.values()).map(AuditTopic::description).collect(Collectors.joining("; "))
        + ". Add a time range such as \"this week\" or \"last 7 days\", e.g. \"who was throttled this week?\"";
  }

  private static String capitalised(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private AgentResult result(AgentTask task, ResultStatus status, Answer answer, String error, long started) {
    return AgentResults.of(task, status, answer, error, Duration.ofNanos(System.nanoTime() - started), clock.instant());
  }
}
