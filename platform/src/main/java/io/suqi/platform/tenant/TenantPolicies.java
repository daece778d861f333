package io.suqi.platform.tenant;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * What a tenant may use (scout.tenant_policies): platforms, questions per minute, tokens per day.
 * A tenant without a row, and every limit left null, gets the orchestrator's defaults.
 */
public final class TenantPolicies {

  /** A tenant's policy; an empty optional or a null list means "the default" / "every platform". */
  public record Policy(String tenantId, List<String> platforms, Integer questionsPerMinute,
      Integer userQuestionsPerMinute, Long tokensPerDay, Long userTokensPerDay, boolean debug) {}

  private final DataSource dataSource;

  public TenantPolicies(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Creates or replaces the tenant's policy (the tenant must exist). */
  public void put(Policy policy) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("""
            INSERT INTO scout.tenant_policies AS p (tenant_id, platforms, questions_per_minute,
              user_questions_per_minute, tokens_per_day, user_tokens_per_day, debug, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, now())
            ON CONFLICT (tenant_id) DO UPDATE SET platforms = excluded.platforms,
              questions_per_minute = excluded.questions_per_minute,
              user_questions_per_minute = excluded.user_questions_per_minute,
              tokens_per_day = excluded.tokens_per_day, user_tokens_per_day = excluded.user_tokens_per_day,
              debug = excluded.debug, updated_at = now()""")) {
      s.setString(1, policy.tenantId());
      if (policy.platforms() == null) {
        s.setNull(2, Types.ARRAY);
      } else {
        s.setArray(2, c.createArrayOf("text", policy.platforms().toArray()));
      }
      s.setObject(3, policy.questionsPerMinute(), Types.INTEGER);
      s.setObject(4, policy.userQuestionsPerMinute(), Types.INTEGER);
      s.setObject(5, policy.tokensPerDay(), Types.BIGINT);
      s.setObject(6, policy.userTokensPerDay(), Types.BIGINT);
      s.setBoolean(7, policy.debug());
      s.executeUpdate();
    } catch (SQLException e) {
      if ("23503".equals(e.getSQLState())) {
        throw new SQLException("no tenant " + policy.tenantId() + ": create it first with `bin/suqi tenant create "
            + policy.tenantId() + "`", e.getSQLState(), e);
      }
      throw e;
    }
  }

  public Optional<Policy> get(String tenantId) throws SQLException {
    return query("WHERE tenant_id = ?", tenantId).stream().findFirst();
  }

  public List<Policy> all() throws SQLException {
    return query("", null);
  }

  private List<Policy> query(String where, String tenantId) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT tenant_id, platforms, questions_per_minute, "
            + "user_questions_per_minute, tokens_per_day, user_tokens_per_day, debug FROM scout.tenant_policies "
            + where + " ORDER BY tenant_id")) {
      if (tenantId != null) {
        s.setString(1, tenantId);
      }
      List<Policy> policies = new java.util.ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          Array platforms = rs.getArray(2);
          policies.add(new Policy(rs.getString(1), platforms == null ? null : List.of((String[]) platforms.getArray()),
              (Integer) rs.getObject(3), (Integer) rs.getObject(4), (Long) rs.getObject(5), (Long) rs.getObject(6),
              rs.getBoolean(7)));
        }
      }
      return policies;
    }
  }
}
