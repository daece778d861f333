package io.suqi.lakehouse.quality;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.ZoneOffset;
import org.apache.flink.connector.jdbc.datasource.statements.JdbcQueryStatement;

/** Upserts a window's counts and the running totals into silver.quality_results. */
public final class QualityResultsStatement implements JdbcQueryStatement<QualityResult> {

  private static final long serialVersionUID = 1L;

  @Override
  public String query() {
    return "INSERT INTO silver.quality_results (window_start, window_end, expectation, passed, failed, passed_total, "
        + "failed_total) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (window_start, expectation) DO UPDATE SET "
        + "window_end = EXCLUDED.window_end, passed = EXCLUDED.passed, failed = EXCLUDED.failed, "
        + "passed_total = EXCLUDED.passed_total, failed_total = EXCLUDED.failed_total";
  }

  @Override
  public void statement(PreparedStatement statement, QualityResult result) throws SQLException {
    statement.setObject(1, result.windowStart().atOffset(ZoneOffset.UTC));
    statement.setObject(2, result.windowEnd().atOffset(ZoneOffset.UTC));
    statement.setString(3, result.expectation());
    statement.setLong(4, result.passed());
    statement.setLong(5, result.failed());
    statement.setLong(6, result.passedTotal());
    statement.setLong(7, result.failedTotal());
  }
}
