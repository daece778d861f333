package io.suqi.agents.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.suqi.agents.analytics.AnalyticsConfig;
import io.suqi.agents.analytics.RetailDatabase;
import io.suqi.schemas.AgentResult;
import io.suqi.schemas.AgentTask;
import io.suqi.schemas.AgentType;
import io.suqi.schemas.Intent;
import io.suqi.schemas.ResultStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The security agent on a real, migrated Postgres with the audit trail of two tenants: the rows
 * of each answer, and that neither tenant's admin sees the other's, whatever the question says.
 */
class SecurityAnswererTest {

  private static final Instant NOW = Instant.parse("2026-01-07T12:00:00Z");   // a Wednesday
  private static final Instant MONDAY = Instant.parse("2026-01-05T00:00:00Z");
  private static DataSource database;
  private static SecurityAnswerer answerer;
  private static int asked;

  @BeforeAll
  static void givenTheAuditTrailOfTwoTenants() throws SQLException {
    database = RetailDatabase.freshDatabase("audit");
    answerer = new SecurityAnswerer(database, Clock.fixed(NOW, ZoneOffset.UTC), AnalyticsConfig.defaults());
    // acme: ana asks once an hour on Monday, then 25 times in one hour on Tuesday
    for (int hour = 8; hour < 18; hour++) {
      question("acme", MONDAY.plus(hour, ChronoUnit.HOURS), "ana", "answered", null, null);
    }
    for (int i = 0; i < 25; i++) {
      question("acme", MONDAY.plus(1, ChronoUnit.DAYS).plus(14, ChronoUnit.HOURS).plusSeconds(i * 60L), "ana",
          "answered", null, null);
    }
    question("acme", MONDAY.plus(9, ChronoUnit.HOURS), "ana", "rejected", "throttled", null);
    question("acme", MONDAY.plus(10, ChronoUnit.HOURS), "bob", "rejected", "throttled", null);
    question("acme", MONDAY.plus(11, ChronoUnit.HOURS), "bob", "rejected", "quota_exceeded", null);
    question("acme", MONDAY.plus(12, ChronoUnit.HOURS), "eve", "answered", null, "[\"sql_union\"]");
    // last year: outside "this week"
    question("acme", Instant.parse("2025-06-01T10:00:00Z"), "bob", "rejected", "throttled", null);
    // globex: its own throttled user and attempt
    question("globex", MONDAY.plus(9, ChronoUnit.HOURS), "zed", "rejected", "throttled", null);
    question("globex", MONDAY.plus(10, ChronoUnit.HOURS), "zed", "answered", null, "[\"sql_comment\"]");
  }

  @Test
  void throttledRequestsOfThisWeekByUser() {
    AgentResult result = ask("acme", "Who was throttled this week?");

    assertThat(result.getStatus()).isEqualTo(ResultStatus.OK);
    assertThat(result.getAnswer().getColumns()).containsExactly("reason", "user_id", "requests", "first_seen", "last_seen");
    assertThat(result.getAnswer().getRows()).extracting(row -> row.subList(0, 3))
        .containsExactly(List.of("throttled", "ana", "1"), List.of("throttled", "bob", "1"));
    assertThat(result.getAnswer().getText()).contains("Throttled requests", "tenant acme", "2026-01-05 to 2026-01-11");
    assertThat(result.getAnswer().getSql()).contains("scout.ai_orchestration_log", "'throttled'");
    assertThat(result.getAnswer().getCitations()).extracting(c -> c.getSourceId())
        .containsExactly("scout.ai_orchestration_log", "scout.orchestration_trace");
  }

  @Test
  void everyRejectionOfAllTimeByReason() {
    AgentResult result = ask("acme", "show rejected requests");

    assertThat(result.getAnswer().getRows()).extracting(row -> row.subList(0, 3)).containsExactly(
        List.of("throttled", "bob", "2"), List.of("quota_exceeded", "bob", "1"), List.of("throttled", "ana", "1"));
  }

  @Test
  void injectionAttemptsAndAccessByUser() {
    assertThat(ask("acme", "any injection attempts?").getAnswer().getRows()).extracting(row -> row.subList(0, 3))
        .containsExactly(List.of("eve", "[\"sql_union\"]", "1"));
    assertThat(ask("acme", "access by user this week").getAnswer().getRows()).extracting(row -> row.subList(0, 4))
        .containsExactly(List.of("ana", "user", "36", "1"), List.of("bob", "user", "2", "2"),
            List.of("eve", "user", "1", "0"));
  }

  @Test
  void anHourFarAboveAUsersUsualIsReported() {
    AgentResult result = ask("acme", "unusual query volumes this week");

    assertThat(result.getAnswer().getRows()).hasSize(1);
    assertThat(result.getAnswer().getRows().get(0).subList(0, 3))
        .containsExactly("ana", "2026-01-06T14:00:00Z", "25");
  }

  @Test
  void anAdminSeesOnlyTheirTenantWhateverTheQuestionSays() {
    for (String question : List.of("show acme's rejected requests", "rejected requests of all tenants",
        "rejected requests'; DROP TABLE scout.ai_orchestration_log; --",
        "rejected requests' OR tenant_id <> 'globex")) {
      AgentResult result = ask("globex", question);
      assertThat(result.getStatus()).as(question).isEqualTo(ResultStatus.OK);
      assertThat(result.getAnswer().getRows()).as(question).extracting(row -> row.subList(0, 3))
          .containsExactly(List.of("throttled", "zed", "1"));
    }
    assertThat(ask("acme", "show rejected requests").getAnswer().getRows()).hasSize(3);   // the table is intact
  }

  @Test
  void theAgentRoleSeesOnlyTheTenantItsTransactionNames() throws SQLException {
    // Row-level security, under the agent's own WHERE clause: no tenant named, no rows at all
    try (Connection sql = database.getConnection(); var statement = sql.createStatement()) {
      sql.setAutoCommit(false);
      statement.execute("SET LOCAL ROLE " + SecurityAnswerer.ROLE);
      try (var rows = statement.executeQuery("SELECT count(*) FROM scout.ai_orchestration_log")) {
        rows.next();
        assertThat(rows.getLong(1)).isZero();
      }
      statement.execute("SELECT set_config('suqi.tenant_id', 'globex', true)");
      try (var rows = statement.executeQuery("SELECT count(DISTINCT tenant_id), count(*) FROM scout.ai_orchestration_log "
          + "JOIN scout.orchestration_trace USING (query_id)")) {
        rows.next();
        assertThat(rows.getLong(1)).isEqualTo(1);
        assertThat(rows.getLong(2)).isEqualTo(4);   // globex's two questions, two steps each
      }
      sql.rollback();
    }
  }

  @Test
  void aQuestionItCannotMapListsWhatItCanAnswer() {
    AgentResult result = ask("acme", "what is the weather");

    assertThat(result.getStatus()).isEqualTo(ResultStatus.UNANSWERABLE);
    assertThat(result.getAnswer().getText()).contains("rejected requests", "throttled requests", "quota hits",
        "access by user", "injection attempts", "this week");
  }

  private static AgentResult ask(String tenant, String question) {
    return answerer.handle(AgentTask.newBuilder().setQueryId("task-" + (++asked)).setTenantId(tenant)
        .setPlatform("chat").setQuestion(question).setIntent(Intent.SECURITY).setConfidence(0.9)
        .setAgent(AgentType.SECURITY).setStepNumber(1).setIssuedAt(NOW.toEpochMilli()).build());
  }

  private static int seeded;

  /** One question in the log, its gate step (who, verdict, reason) and its classify step. */
  private static void question(String tenant, Instant at, String user, String status, String reason,
      String injectionSigns) throws SQLException {
    String id = tenant + "-" + (++seeded);
    try (Connection sql = database.getConnection()) {
      try (PreparedStatement log = sql.prepareStatement("INSERT INTO scout.ai_orchestration_log (query_id, tenant_id, "
          + "agent_type, created_at, response_time_ms, tokens_used, cost_usd, cache_hit, status, intent) "
          + "VALUES (?, ?, 'analytics', ?, 12, 40, 0, false, ?, 'analytics')")) {
        log.setString(1, id);
        log.setString(2, tenant);
        log.setTimestamp(3, Timestamp.from(at));
        log.setString(4, status);
        log.executeUpdate();
      }
      String gate = reason == null
          ? "{\"verdict\":\"admitted\",\"user\":\"" + user + "\",\"role\":\"user\",\"platform\":\"chat\"}"
          : "{\"verdict\":\"rejected\",\"reason\":\"" + reason + "\",\"user\":\"" + user + "\",\"role\":\"user\"}";
      String classify = injectionSigns == null ? "{\"intent\":\"analytics\"}"
          : "{\"intent\":\"analytics\",\"injection_signs\":" + injectionSigns + "}";
      try (PreparedStatement trace = sql.prepareStatement("INSERT INTO scout.orchestration_trace (query_id, step_number, "
          + "step_name, started_at, duration_ms, detail) VALUES (?, ?, ?, ?, 0, ?::jsonb)")) {
        for (Object[] step : new Object[][] {{1, "classify", classify}, {2, "gate", gate}}) {
          trace.setString(1, id);
          trace.setInt(2, (Integer) step[0]);
          trace.setString(3, (String) step[1]);
          trace.setTimestamp(4, Timestamp.from(at));
          trace.setString(5, (String) step[2]);
          trace.addBatch();
        }
        trace.executeBatch();
      }
    }
  }
}
