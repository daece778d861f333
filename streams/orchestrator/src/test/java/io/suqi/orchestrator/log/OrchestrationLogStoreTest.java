package io.suqi.orchestrator.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.suqi.schemas.AgentType;
import io.suqi.schemas.Intent;
import io.suqi.schemas.OrchestrationEvent;
import io.suqi.schemas.QueryOutcome;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JDBC half of the log writer, on the real schema (suqi-db's migrations) in an embedded Postgres. */
class OrchestrationLogStoreTest {

  private static final Instant STARTED = Instant.parse("2025-03-01T09:00:00.250Z");

  private static ScoutDatabase database;
  private OrchestrationLogStore store;

  @BeforeAll
  static void startPostgres() {
    database = ScoutDatabase.start();
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    database.close();
  }

  @BeforeEach
  void emptyTables() throws SQLException {
    database.execute("TRUNCATE scout.orchestration_trace, scout.ai_orchestration_log");
    store = new OrchestrationLogStore(database.dataSource());
  }

  @Test
  void every_event_becomes_a_trace_row_and_the_outcome_a_log_row() throws SQLException {
    // Given
    List<OrchestrationEvent> events = answeredQuestion("q1");

    // When
    store.write(events);

    // Then
    assertThat(rows("SELECT step_number || ':' || step_name || ':' || coalesce(agent_type, '-') || ':' || duration_ms"
        + " FROM scout.orchestration_trace WHERE query_id = 'q1' ORDER BY step_number"))
        .containsExactly("1:classify:-:2", "4:route:analytics:1", "5:agent:analytics:800", "6:respond:analytics:3");
    assertThat(rows("SELECT detail->>'intent' FROM scout.orchestration_trace WHERE step_number = 1"))
        .containsExactly("analytics");
    assertThat(rows("SELECT tenant_id || ':' || agent_type || ':' || response_time_ms || ':' || tokens_used || ':'"
        + " || cost_usd || ':' || cache_hit || ':' || status || ':' || intent || ':' || created_at"
        + " FROM scout.ai_orchestration_log"))
        .containsExactly("tenant-a:analytics:1000:400:" + new BigDecimal("0.004000") + ":false:answered:analytics:"
            + "2025-03-01 09:00:00.25+00");
  }

  @Test
  void writing_the_same_events_again_changes_nothing() throws SQLException {
    // Given
    store.write(answeredQuestion("q1"));

    // When
    store.write(answeredQuestion("q1"));

    // Then
    assertThat(rows("SELECT count(*) FROM scout.orchestration_trace")).containsExactly("4");
    assertThat(rows("SELECT count(*) FROM scout.ai_orchestration_log")).containsExactly("1");
  }

  @Test
  void a_question_answered_without_an_agent_is_logged_with_no_agent() throws SQLException {
    // Given
    OrchestrationEvent respond = event("q2", Step.RESPOND, null, 0, "{}",
        new QueryOutcome(Intent.GENERAL, "out_of_scope", 50L, 0L, 0.0, false));

    // When
    store.write(List.of(respond));

    // Then
    assertThat(rows("SELECT coalesce(agent_type, 'none') || ':' || status FROM scout.ai_orchestration_log"))
        .containsExactly("none:out_of_scope");
    assertThat(rows("SELECT agent_type || ':' || queries FROM scout.ai_orchestration_metrics"))
        .isEmpty(); // created_at is in 2025, outside the view's last 24 hours
  }

  @Test
  void a_detail_that_is_not_a_json_object_is_kept_as_text() throws SQLException {
    // When
    store.write(List.of(event("q3", Step.CLASSIFY, null, 1, "not json", null)));

    // Then
    assertThat(rows("SELECT detail->>'text' FROM scout.orchestration_trace")).containsExactly("not json");
  }

  private static List<OrchestrationEvent> answeredQuestion(String queryId) {
    return List.of(
        event(queryId, Step.CLASSIFY, null, 2, "{\"intent\":\"analytics\",\"confidence\":0.83}", null),
        event(queryId, Step.ROUTE, AgentType.ANALYTICS, 1, "{}", null),
        event(queryId, Step.AGENT, AgentType.ANALYTICS, 800, "{\"status\":\"ok\"}", null),
        event(queryId, Step.RESPOND, AgentType.ANALYTICS, 3, "{\"status\":\"answered\"}",
            new QueryOutcome(Intent.ANALYTICS, "answered", 1000L, 400L, 0.004, false)));
  }

  private static OrchestrationEvent event(String queryId, Step step, AgentType agent, long durationMs, String detail,
      QueryOutcome outcome) {
    return OrchestrationEvent.newBuilder()
        .setQueryId(queryId)
        .setTenantId("tenant-a")
        .setStepNumber(step.number())
        .setStepName(step.stepName())
        .setAgent(agent)
        .setStartedAt(STARTED)
        .setDurationMs(durationMs)
        .setDetail(detail)
        .setOutcome(outcome)
        .build();
  }

  private static List<String> rows(String sql) throws SQLException {
    return database.rows(sql);
  }
}
