package io.suqi.platform.cli;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** Prints how one question was answered: its row of scout.ai_orchestration_log and its steps. */
@Command(name = "trace", mixinStandardHelpOptions = true,
    description = "Print the orchestration trace of a question (its query_id from /v1/ask or `suqi ask --json`).")
final class TraceCommand implements Callable<Integer> {

  @Parameters(paramLabel = "QUERY_ID", description = "The question's query_id.")
  String queryId;

  @Mixin
  DataDirOption dataDir;

  @Mixin
  TenantCommand.PostgresOption postgres;

  @Override
  public Integer call() throws Exception {
    try (HikariDataSource db = postgres.open(dataDir); Connection c = db.getConnection()) {
      boolean found = printOutcome(c);
      int steps = printSteps(c);
      if (!found && steps == 0) {
        System.err.println("no trace of " + queryId + " (yet): the log writer copies it to scout.* within a second "
            + "of the answer; check the id, or that `bin/suqi up` runs");
        return 1;
      }
      return 0;
    }
  }

  private boolean printOutcome(Connection c) throws Exception {
    try (PreparedStatement s = c.prepareStatement("SELECT tenant_id, intent, coalesce(agent_type, '-'), status, "
        + "response_time_ms, tokens_used, cost_usd, cache_hit, created_at FROM scout.ai_orchestration_log "
        + "WHERE query_id = ?")) {
      s.setString(1, queryId);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return false;
        }
        System.out.printf("query %s · tenant %s · intent %s · agent %s · %s · %d ms · %d tokens · $%s%s · %s%n",
            queryId, rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getLong(6),
            rs.getBigDecimal(7).stripTrailingZeros().toPlainString(), rs.getBoolean(8) ? " · cache hit" : "",
            rs.getTimestamp(9).toInstant());
        return true;
      }
    }
  }

  private int printSteps(Connection c) throws Exception {
    try (PreparedStatement s = c.prepareStatement("SELECT step_number, step_name, coalesce(agent_type, '-'), "
        + "started_at, duration_ms, detail::text FROM scout.orchestration_trace WHERE query_id = ? ORDER BY step_number")) {
      s.setString(1, queryId);
      int steps = 0;
      try (ResultSet rs = s.executeQuery()) {
        System.out.printf("%4s  %-9s %-10s %-26s %8s  %s%n", "step", "name", "agent", "started", "ms", "detail");
        while (rs.next()) {
          steps++;
          System.out.printf("%4d  %-9s %-10s %-26s %8d  %s%n", rs.getInt(1), rs.getString(2), rs.getString(3),
              rs.getTimestamp(4).toInstant(), rs.getLong(5), rs.getString(6));
        }
      }
      return steps;
    }
  }
}
