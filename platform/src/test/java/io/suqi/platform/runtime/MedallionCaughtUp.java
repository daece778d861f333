package io.suqi.platform.runtime;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * Whether silver and gold hold every row of retail.*, per tenant: the analytics agent answers from
 * them, so a test that compares an answer with a query over retail.* first waits for this (the
 * lakehouse is seconds behind the source; through CDC a header can land before its lines).
 */
final class MedallionCaughtUp {

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

  private MedallionCaughtUp() {}

  /** Waits until silver and gold agree with retail.* for every tenant. */
  static void await(DataSource db, Duration timeout) throws InterruptedException {
    RunningSuqi.eventually(timeout, "silver and gold holding every sale of retail.*", () -> tenantsBehind(db) == 0);
  }

  private static long tenantsBehind(DataSource db) {
    try (Connection connection = db.getConnection(); Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(TENANTS_BEHIND)) {
      result.next();
      return result.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
