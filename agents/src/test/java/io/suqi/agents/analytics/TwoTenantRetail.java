package io.suqi.agents.analytics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * A database of its own holding two tenants, acme and globex, with rows in every table that
 * row-level security protects, and the same store names in both ("Downtown", "Airport"). Globex
 * sells far more, so a leak shows in any total.
 */
final class TwoTenantRetail {

  static final String DATABASE = "two_tenant_retail";

  /**
   * Every relation the analytics role is granted, with the SQL that says which tenant a row
   * belongs to (for the tables without tenant_id: through their parent).
   */
  static final Map<String, String> PROTECTED = protectedRelations();

  private static DataSource dataSource;

  private TwoTenantRetail() {}

  /** Connects as the superuser, who bypasses row-level security: the reference view of the data. */
  static synchronized DataSource dataSource() {
    if (dataSource == null) {
      dataSource = RetailDatabase.freshDatabase(DATABASE);
      execute(dataSource, SEED);
      MedallionFromRetail.fill(dataSource, "acme", "globex");
    }
    return dataSource;
  }

  /** Rows of a protected relation that belong to {@code tenant}, counted as the superuser. */
  static long rowsOf(String relation, String tenant) throws SQLException {
    String owner = PROTECTED.get(relation);
    String sql = "SELECT count(*) FROM " + relation + " r WHERE (" + owner + ") = ?";
    try (Connection connection = dataSource().getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, tenant);
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        return result.getLong(1);
      }
    }
  }

  /** Rows of every protected relation, whatever their tenant, counted as the superuser. */
  static Map<String, Long> allRowCounts() throws SQLException {
    Map<String, Long> counts = new LinkedHashMap<>();
    try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
      for (String relation : PROTECTED.keySet()) {
        try (ResultSet result = statement.executeQuery("SELECT count(*) FROM " + relation)) {
          result.next();
          counts.put(relation, result.getLong(1));
        }
      }
    }
    return counts;
  }

  /** The rows of a query run as the superuser, each cell as text. */
  static List<List<String>> rows(String sql, Object... parameters) throws SQLException {
    try (Connection connection = dataSource().getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      List<List<String>> rows = new ArrayList<>();
      try (ResultSet result = statement.executeQuery()) {
        int columns = result.getMetaData().getColumnCount();
        while (result.next()) {
          List<String> row = new ArrayList<>();
          for (int c = 1; c <= columns; c++) {
            row.add(result.getString(c));
          }
          rows.add(row);
        }
      }
      return rows;
    }
  }

  static void execute(DataSource database, String sql) {
    try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> protectedRelations() {
    Map<String, String> relations = new LinkedHashMap<>();
    for (String table : List.of("retail.tenants", "retail.stores", "retail.products", "retail.customers",
        "retail.transactions", "kb.documents", "silver.transactions", "gold.sales_daily", "gold.sales_hourly_store",
        "gold.sales_daily_category_region", "gold.store_minute_metrics", "gold.late_events", "gold.anomalies",
        "platinum.store_day_features", "platinum.customer_rfm", "platinum.customer_rfm_scores")) {
      relations.put(table, "r.tenant_id");
    }
    relations.put("retail.transaction_items",
        "SELECT t.tenant_id FROM retail.transactions t WHERE t.txn_id = r.txn_id");
    relations.put("silver.transaction_items",
        "SELECT t.tenant_id FROM silver.transactions t WHERE t.txn_id = r.txn_id");
    relations.put("retail.competitor_prices",
        "SELECT p.tenant_id FROM retail.products p WHERE p.product_id = r.product_id");
    return Map.copyOf(relations);
  }

  private static final String SEED = """
      INSERT INTO retail.tenants VALUES ('acme', 'Acme'), ('globex', 'Globex');
      INSERT INTO retail.stores VALUES
        (1, 'acme', 'Downtown', 'North', 'Springfield', '2020-01-01'),
        (2, 'acme', 'Airport', 'East', 'Springfield', '2020-01-01'),
        (3, 'acme', 'Harbour', 'South', 'Springfield', '2020-01-01'),
        (11, 'globex', 'Downtown', 'North', 'Cypress Creek', '2019-01-01'),
        (12, 'globex', 'Airport', 'East', 'Cypress Creek', '2019-01-01'),
        (13, 'globex', 'Globex Tower', 'West', 'Cypress Creek', '2019-01-01');
      INSERT INTO retail.products VALUES
        (1, 'acme', 'A-1', 'Kettle', 'Kitchen', 'Acme', 10.00, 6.00),
        (2, 'acme', 'A-2', 'Mug', 'Kitchen', 'Acme', 2.50, 1.00),
        (11, 'globex', 'G-1', 'Hammock', 'Garden', 'Globex', 10.00, 5.00);
      INSERT INTO retail.customers VALUES
        (1, 'acme', 'retail', 'North', '2021-01-01'),
        (11, 'globex', 'retail', 'North', '2021-01-01'),
        (12, 'globex', 'business', 'East', '2021-01-01');
      INSERT INTO retail.transactions VALUES
        ('a1', 'acme', 1, 1, '2025-12-03T10:00:00Z', 'completed', 'card'),
        ('a2', 'acme', 2, NULL, '2025-12-04T10:00:00Z', 'completed', 'cash'),
        ('a3', 'acme', 3, NULL, '2025-12-05T10:00:00Z', 'refunded', 'card'),
        ('g1', 'globex', 11, 11, '2025-12-03T11:00:00Z', 'completed', 'card'),
        ('g2', 'globex', 12, 12, '2025-12-04T11:00:00Z', 'completed', 'card'),
        ('g3', 'globex', 13, NULL, '2025-12-05T11:00:00Z', 'completed', 'card');
      INSERT INTO retail.transaction_items VALUES
        ('a1', 1, 1, 3, 10.00, 1.00),
        ('a1', 2, 2, 4, 2.50, 0),
        ('a2', 1, 1, 1, 10.00, 0),
        ('a3', 1, 1, 100, 10.00, 0),
        ('g1', 1, 11, 1000, 10.00, 0),
        ('g2', 1, 11, 500, 10.00, 0),
        ('g2', 2, 11, 5, 10.00, 0),
        ('g3', 1, 11, 700, 10.00, 0);
      INSERT INTO retail.competitor_prices VALUES
        (1, 'Rival', 9.50, '2025-12-01T00:00:00Z'),
        (11, 'Rival', 9.00, '2025-12-01T00:00:00Z'),
        (11, 'Other', 9.90, '2025-12-02T00:00:00Z');
      INSERT INTO kb.documents (doc_id, tenant_id, title, body, source) VALUES
        ('acme-returns', 'acme', 'Returns', 'Thirty days.', 'handbook'),
        ('globex-returns', 'globex', 'Returns', 'Ninety days.', 'handbook'),
        ('globex-pricing', 'globex', 'Pricing', 'Secret margins.', 'wiki');
      INSERT INTO gold.sales_hourly_store VALUES
        ('acme', 1, '2025-12-03T10:00:00Z', 39.00, 1, 7),
        ('globex', 11, '2025-12-03T11:00:00Z', 10000.00, 1, 1000),
        ('globex', 12, '2025-12-04T11:00:00Z', 5050.00, 1, 505);
      INSERT INTO gold.sales_daily_category_region VALUES
        ('acme', '2025-12-03', 'Kitchen', 'North', 39.00, 1, 7),
        ('globex', '2025-12-03', 'Garden', 'North', 10000.00, 1, 1000),
        ('globex', '2025-12-04', 'Garden', 'East', 5050.00, 1, 505);
      INSERT INTO gold.store_minute_metrics VALUES
        ('acme', 1, '2025-12-03T10:00:00Z', '2025-12-03T10:01:00Z', 1, 39.00),
        ('globex', 11, '2025-12-03T11:00:00Z', '2025-12-03T11:01:00Z', 1, 10000.00),
        ('globex', 12, '2025-12-04T11:00:00Z', '2025-12-04T11:01:00Z', 1, 5050.00);
      INSERT INTO gold.late_events VALUES
        ('a1', 1, 'acme', 1, '2025-12-03T10:00:00Z', '2025-12-03T12:00:00Z', '2025-12-03T11:00:00Z',
         'sale_after_close', 1, 39.00),
        ('g1', 1, 'globex', 11, '2025-12-03T11:00:00Z', '2025-12-03T13:00:00Z', '2025-12-03T12:00:00Z',
         'sale_after_close', 1, 10000.00),
        ('g2', 1, 'globex', 12, '2025-12-04T11:00:00Z', '2025-12-04T13:00:00Z', '2025-12-04T12:00:00Z',
         'sale_after_close', 1, 5050.00);
      INSERT INTO gold.anomalies VALUES
        ('acme-1', 'acme', 1, 'revenue', '2025-12-03', '2025-12-04', 39, 100, -3.5, now()),
        ('globex-11', 'globex', 11, 'revenue', '2025-12-03', '2025-12-04', 10000, 2000, 8.1, now()),
        ('globex-12', 'globex', 12, 'txn_count', '2025-12-04', '2025-12-05', 1, 30, -4.2, now());
      INSERT INTO platinum.store_day_features VALUES
        ('acme', 1, '2025-12-03', 39.00, 1, 7, 39.0000, 0, 0, 0, 0, 0, 0, 0, 3, 12, false, now()),
        ('globex', 11, '2025-12-03', 10000.00, 1, 1000, 10000.0000, 0, 0, 0, 0, 0, 0, 0, 3, 12, false, now()),
        ('globex', 12, '2025-12-04', 5050.00, 1, 505, 5050.0000, 0, 0, 0, 0, 0, 0, 0, 4, 12, false, now());
      INSERT INTO platinum.customer_rfm VALUES
        ('acme', 1, '2025-12-03T10:00:00Z', '2025-12-03T10:00:00Z', 1, 39.00, now()),
        ('globex', 11, '2025-12-03T11:00:00Z', '2025-12-03T11:00:00Z', 1, 10000.00, now()),
        ('globex', 12, '2025-12-04T11:00:00Z', '2025-12-04T11:00:00Z', 1, 5050.00, now());
      """;
}
