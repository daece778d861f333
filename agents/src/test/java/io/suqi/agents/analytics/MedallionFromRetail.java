package io.suqi.agents.analytics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Fills silver and gold.sales_daily from a tenant's rows in retail.*, as the lakehouse's Flink job
 * would (its own tests check that it does, and the platform's benchmark runs the real job): the
 * agent's tests here run without Flink, and their expected figures are computed from retail.*.
 */
final class MedallionFromRetail {

  private static final String SILVER_TRANSACTIONS = """
      INSERT INTO silver.transactions
      SELECT t.txn_id, t.tenant_id, t.store_id, t.customer_id, t.ts, t.status, t.payment_method, s.region, 'cdc', now()
      FROM retail.transactions t JOIN retail.stores s ON s.store_id = t.store_id
      WHERE t.tenant_id = ?""";
  private static final String SILVER_LINES = """
      INSERT INTO silver.transaction_items (txn_id, line_no, product_id, quantity, unit_price, discount, category)
      SELECT i.txn_id, i.line_no, i.product_id, i.quantity, i.unit_price, i.discount, p.category
      FROM retail.transaction_items i
      JOIN retail.transactions t ON t.txn_id = i.txn_id
      JOIN retail.products p ON p.product_id = i.product_id
      WHERE t.tenant_id = ?""";
  private static final String GOLD_DAILY = """
      INSERT INTO gold.sales_daily
      SELECT t.tenant_id, t.store_id, (t.ts AT TIME ZONE 'UTC')::date,
             COALESCE(SUM(i.quantity * i.unit_price - i.discount), 0), COUNT(DISTINCT t.txn_id), COALESCE(SUM(i.quantity), 0)
      FROM retail.transactions t LEFT JOIN retail.transaction_items i ON i.txn_id = t.txn_id
      WHERE t.tenant_id = ? AND t.status = 'completed'
      GROUP BY 1, 2, 3""";

  private MedallionFromRetail() {}

  static void fill(DataSource database, String... tenants) {
    try (Connection connection = database.getConnection()) {
      for (String tenant : tenants) {
        for (String sql : new String[] {SILVER_TRANSACTIONS, SILVER_LINES, GOLD_DAILY}) {
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, tenant);
            statement.executeUpdate();
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
