package io.suqi.agents.security;

import io.suqi.agents.TenantId;
import io.suqi.agents.analytics.Column;
import io.suqi.agents.analytics.ColumnType;
import io.suqi.agents.analytics.SqlStatement;
import io.suqi.agents.time.TimeRange;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of each {@link AuditTopic} over scout.ai_orchestration_log and the trace's gate and
 * classify steps. Fixed text with bound parameters only: the tenant (also enforced by row-level
 * security), the time range, a rejection reason. Nothing from the question reaches the SQL.
 */
final class AuditQueries {

  /** Questions of the tenant in the range, with who asked (the gate step) — every query starts here. */
  private static final String ASKED = """
      WITH asked AS (
        SELECT l.query_id, l.created_at, l.status, l.tokens_used, g.detail AS gate
        FROM scout.ai_orchestration_log l
        LEFT JOIN scout.orchestration_trace g ON g.query_id = l.query_id AND g.step_name = 'gate'
        WHERE l.tenant_id = ? AND l.created_at >= ? AND l.created_at < ?)
      """;
  private static final String USER = "coalesce(gate->>'user', '(no user)')";
  static final int ROWS = 100;
  private static final Instant FAR_FUTURE = Instant.parse("9999-12-31T00:00:00Z");

  private AuditQueries() {}

  static SqlStatement of(AuditTopic topic, TenantId tenant, TimeRange range) {
    List<Object> parameters = new ArrayList<>(List.of(tenant.value()));
    // All time is every second the log can hold.
    parameters.add(Timestamp.from(range.from() == null ? Instant.EPOCH : range.from()));
    parameters.add(Timestamp.from(range.to() == null ? FAR_FUTURE : range.to()));
    return switch (topic) {
      case REJECTIONS -> rejections(parameters, null);
      case THROTTLING -> rejections(parameters, "throttled");
      case QUOTA -> rejections(parameters, "quota_exceeded");
      case ACCESS -> new SqlStatement(ASKED + """
          SELECT %s AS user_id, coalesce(gate->>'role', '') AS role, count(*) AS questions,
                 count(*) FILTER (WHERE status = 'rejected') AS rejected, coalesce(sum(tokens_used), 0) AS tokens,
                 max(created_at) AS last_seen
          FROM asked GROUP BY 1, 2 ORDER BY questions DESC, 1 LIMIT %d""".formatted(USER, ROWS), parameters,
          List.of(text("user_id"), text("role"), integer("questions"), integer("rejected"), integer("tokens"),
              timestamp("last_seen")));
      case INJECTION -> new SqlStatement(ASKED + """
          SELECT %s AS user_id, c.detail->'injection_signs' #>> '{}' AS signs, count(*) AS questions,
                 max(a.created_at) AS last_seen
          FROM asked a
          JOIN scout.orchestration_trace c ON c.query_id = a.query_id AND c.step_name = 'classify'
          WHERE c.detail -> 'injection_signs' IS NOT NULL
          GROUP BY 1, 2 ORDER BY questions DESC, 1, 2 LIMIT %d""".formatted(USER, ROWS), parameters,
          List.of(text("user_id"), text("signs"), integer("questions"), timestamp("last_seen")));
      case VOLUME_SPIKES -> new SqlStatement(ASKED + """
          , hourly AS (SELECT %s AS user_id, date_trunc('hour', created_at) AS hour, count(*) AS questions
                       FROM asked GROUP BY 1, 2)
          , usual AS (SELECT user_id, percentile_cont(0.5) WITHIN GROUP (ORDER BY questions) AS median
                      FROM hourly GROUP BY 1)
          , spread AS (SELECT h.user_id, percentile_cont(0.5) WITHIN GROUP (ORDER BY abs(h.questions - u.median)) AS mad
                       FROM hourly h JOIN usual u USING (user_id) GROUP BY 1)
          SELECT h.user_id, h.hour, h.questions, u.median::numeric AS usual_per_hour,
                 round(((h.questions - u.median) / greatest(1.4826 * s.mad, 1))::numeric, 1) AS score
          FROM hourly h JOIN usual u USING (user_id) JOIN spread s USING (user_id)
          WHERE h.questions > u.median + 3 * greatest(1.4826 * s.mad, 1)
          ORDER BY score DESC, 1, 2 LIMIT %d""".formatted(USER, ROWS), parameters,
          List.of(text("user_id"), timestamp("hour"), integer("questions"), decimal("usual_per_hour"),
              decimal("score")));
      case ODD_HOURS -> new SqlStatement(ASKED + """
          , by_hour AS (SELECT %s AS user_id, extract(hour FROM created_at AT TIME ZONE 'UTC')::int AS hour_utc,
                               created_at FROM asked)
          , share AS (SELECT hour_utc, count(*)::numeric / sum(count(*)) OVER () AS share FROM by_hour GROUP BY 1)
          SELECT b.user_id, b.hour_utc, count(*) AS questions, round(100 * s.share, 2) AS tenant_share_pct,
                 max(b.created_at) AS last_seen
          FROM by_hour b JOIN share s USING (hour_utc)
          WHERE s.share < 0.02
          GROUP BY 1, 2, 4 ORDER BY questions DESC, 1, 2 LIMIT %d""".formatted(USER, ROWS), parameters,
          List.of(text("user_id"), integer("hour_utc"), integer("questions"), decimal("tenant_share_pct"),
              timestamp("last_seen")));
    };
  }

  /** Rejected requests, of one reason or (null) all. */
  private static SqlStatement rejections(List<Object> parameters, String reason) {
    List<Object> bound = new ArrayList<>(parameters);
    if (reason != null) {
      bound.add(reason);
    }
    return new SqlStatement(ASKED + """
        SELECT gate->>'reason' AS reason, %s AS user_id, count(*) AS requests, min(created_at) AS first_seen,
               max(created_at) AS last_seen
        FROM asked
        WHERE status = 'rejected'%s
        GROUP BY 1, 2 ORDER BY requests DESC, 1, 2 LIMIT %d""".formatted(USER,
            reason == null ? "" : " AND gate->>'reason' = ?", ROWS), bound,
        List.of(text("reason"), text("user_id"), integer("requests"), timestamp("first_seen"),
            timestamp("last_seen")));
  }

  private static Column text(String name) {
    return new Column(name, ColumnType.TEXT);
  }

  private static Column integer(String name) {
    return new Column(name, ColumnType.INTEGER);
  }

  private static Column decimal(String name) {
    return new Column(name, ColumnType.DECIMAL);
  }

  private static Column timestamp(String name) {
    return new Column(name, ColumnType.TIMESTAMP);
  }
}
