package io.suqi.platform.runtime;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Waits, with progress, until silver and gold hold every row of retail.*: the analytics agent
 * answers from them, so with {@code --demo} the system says it is ready only once the demo's
 * history has gone through CDC and the lakehouse (a couple of minutes the first time, at once after).
 */
final class DemoCatchUp {

  /** Tenants whose silver transactions, silver lines or gold daily revenue and count differ from retail.*. */
  static final String TENANTS_BEHIND = """
      WITH source AS (
        SELECT t.tenant_id, count(DISTINCT t.txn_id) AS transactions, count(i.txn_id) AS lines,
               count(DISTINCT t.txn_id) FILTER (WHERE t.status = 'completed') AS completed,
               coalesce(sum(i.quantity * i.unit_price - i.discount) FILTER (WHERE t.status = 'completed'), 0) AS revenue
        FROM retail.transactions t LEFT JOIN retail.transaction_items i ON i.txn_id = t.txn_id
        GROUP BY t.tenant_id),
      silver AS (
        SELECT t.tenant_id, count(DISTINCT t.txn_id) AS transactions, count(i.txn_id) AS lines
        FROM silver.transactions t LEFT JOIN silver.transaction_items i ON i.txn_id = t.txn_id
        GROUP BY t.tenant_id),
      gold AS (SELECT tenant_id, sum(txn_count) AS completed, sum(revenue) AS revenue FROM gold.sales_daily GROUP BY tenant_id)
      SELECT count(*)
      FROM source LEFT JOIN silver USING (tenant_id) LEFT JOIN gold USING (tenant_id)
      WHERE silver.transactions IS DISTINCT FROM source.transactions OR silver.lines IS DISTINCT FROM source.lines
         OR coalesce(gold.completed, 0) <> source.completed OR coalesce(gold.revenue, 0) <> source.revenue""";

  private static final Duration EVERY = Duration.ofSeconds(5);

  private DemoCatchUp() {}

  /** @return whether it caught up within {@code timeout} */
  static boolean await(DataSource db, Duration timeout, Consumer<String> progress) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long last = -1;
    while (true) {
      if (count(db, TENANTS_BEHIND) == 0) {
        return true;
      }
      if (System.nanoTime() > deadline) {
        return false;
      }
      long inSilver = count(db, "SELECT count(*) FROM silver.transactions");
      if (inSilver != last) {
        progress.accept("demo data through the lakehouse: " + inSilver + " of "
            + count(db, "SELECT count(*) FROM retail.transactions") + " transactions in silver; waiting for gold");
        last = inSilver;
      }
      Thread.sleep(EVERY.toMillis());
    }
  }

  static long count(DataSource db, String sql) {
    try (Connection connection = db.getConnection(); Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the lakehouse's progress: " + e.getMessage(), e);
    }
  }
}
