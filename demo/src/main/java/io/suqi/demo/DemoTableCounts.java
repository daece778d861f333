package io.suqi.demo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/** Counts the rows of the demo tables, so a summary reports what is really there. */
final class DemoTableCounts {

  private static final String COUNTS = """
      SELECT (SELECT count(*) FROM retail.tenants),
             (SELECT count(*) FROM retail.stores),
             (SELECT count(*) FROM retail.products),
             (SELECT count(*) FROM retail.customers),
             (SELECT count(*) FROM retail.transactions),
             (SELECT count(*) FROM retail.transaction_items),
             (SELECT count(*) FROM retail.competitor_prices),
             (SELECT count(*) FROM kb.documents)
      """;

  private DemoTableCounts() {}

  /** The summary's elapsed time is zero; the caller knows when the load started. */
  static DemoDataSummary summarize(Connection connection, boolean skipped) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet counts = statement.executeQuery(COUNTS)) {
      counts.next();
      return new DemoDataSummary(skipped, counts.getLong(1), counts.getLong(2), counts.getLong(3),
          counts.getLong(4), counts.getLong(5), counts.getLong(6), counts.getLong(7),
          counts.getLong(8), Duration.ZERO);
    }
  }
}
