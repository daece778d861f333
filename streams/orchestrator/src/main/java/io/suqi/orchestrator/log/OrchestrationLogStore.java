package io.suqi.orchestrator.log;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.suqi.schemas.AgentType;
import io.suqi.schemas.OrchestrationEvent;
import io.suqi.schemas.QueryOutcome;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Writes orchestration events to scout.orchestration_trace (every event) and
 * scout.ai_orchestration_log (events with an outcome), all of a batch in one transaction.
 * Rows already written are left alone (ON CONFLICT DO NOTHING), so writing a batch again is harmless.
 */
public final class OrchestrationLogStore {

  private static final String INSERT_TRACE = """
      INSERT INTO scout.orchestration_trace
        (query_id, step_number, step_name, agent_type, started_at, duration_ms, detail)
      VALUES (?, ?, ?, ?, ?, ?, ?::jsonb)
      ON CONFLICT (query_id, step_number) DO NOTHING""";
  private static final String INSERT_LOG = """
      INSERT INTO scout.ai_orchestration_log
        (query_id, tenant_id, agent_type, created_at, response_time_ms, tokens_used, cost_usd, cache_hit, status, intent)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (query_id) DO NOTHING""";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DataSource dataSource;

  public OrchestrationLogStore(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /** Writes all events or none. */
  public void write(List<OrchestrationEvent> events) throws SQLException {
    if (events.isEmpty()) {
      return;
    }
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try (PreparedStatement trace = connection.prepareStatement(INSERT_TRACE);
           PreparedStatement log = connection.prepareStatement(INSERT_LOG)) {
        for (OrchestrationEvent event : events) {
          addTrace(trace, event);
          if (event.getOutcome() != null) {
            addLog(log, event, event.getOutcome());
          }
        }
        trace.executeBatch();
        log.executeBatch();
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit); // pooled connections go back as they came
      }
    }
  }

  private static void addTrace(PreparedStatement trace, OrchestrationEvent event) throws SQLException {
    trace.setString(1, event.getQueryId());
    trace.setInt(2, event.getStepNumber());
    trace.setString(3, event.getStepName());
    setAgent(trace, 4, event.getAgent());
    trace.setObject(5, OffsetDateTime.ofInstant(event.getStartedAt(), ZoneOffset.UTC));
    trace.setLong(6, event.getDurationMs());
    trace.setString(7, jsonObject(event.getDetail()));
    trace.addBatch();
  }

  /** created_at is when the question was answered: the start of its final step. */
  private static void addLog(PreparedStatement log, OrchestrationEvent event, QueryOutcome outcome) throws SQLException {
    log.setString(1, event.getQueryId());
    log.setString(2, event.getTenantId());
    setAgent(log, 3, event.getAgent());
    log.setObject(4, OffsetDateTime.ofInstant(event.getStartedAt(), ZoneOffset.UTC));
    log.setLong(5, outcome.getResponseTimeMs());
    log.setLong(6, outcome.getTokensUsed());
    log.setBigDecimal(7, BigDecimal.valueOf(outcome.getCostUsd()).setScale(6, RoundingMode.HALF_UP));
    log.setBoolean(8, outcome.getCacheHit());
    log.setString(9, outcome.getStatus());
    log.setString(10, outcome.getIntent().name().toLowerCase(Locale.ROOT));
    log.addBatch();
  }

  private static void setAgent(PreparedStatement statement, int index, AgentType agent) throws SQLException {
    if (agent == null) {
      statement.setNull(index, Types.VARCHAR);
    } else {
      statement.setString(index, agent.name().toLowerCase(Locale.ROOT));
    }
  }

  /**
   * The detail as a JSON object. A detail that is not one is kept as {"text": …} rather than
   * failing the batch: a retried batch with a bad row would never get through.
   */
  static String jsonObject(String detail) {
    try {
      JsonNode node = JSON.readTree(detail);
      if (node != null && node.isObject()) {
        return detail;
      }
    } catch (JsonProcessingException e) {
      // falls through to wrapping
    }
    return JSON.createObjectNode().put("text", detail).toString();
  }
}
