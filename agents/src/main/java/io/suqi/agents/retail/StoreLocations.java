package io.suqi.agents.retail;

import io.suqi.agents.TenantId;
import io.suqi.agents.analytics.SqlStatement;
import io.suqi.agents.analytics.TabularResult;
import io.suqi.agents.time.TimeRange;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a new store would meet the most unserved demand: per region, our loyalty customers who
 * live there and what they spent (at any of our stores) against the stores we have there. Regions
 * with customers but no store come first, then regions by customer spend per store.
 */
final class StoreLocations {

  private StoreLocations() {}

  static RetailQuery query(TenantId tenant, TimeRange range, int maxRows) {
    Object from = Sql.at(range.from(), Sql.EARLIEST);
    Object to = Sql.at(range.to(), Sql.LATEST);
    String t = tenant.value();
    String sql = """
        WITH regions AS (
          SELECT region FROM retail.stores WHERE tenant_id = ?
          UNION SELECT region FROM retail.customers WHERE tenant_id = ?
        ), coverage AS (
          SELECT region, count(*) AS stores FROM retail.stores
          WHERE tenant_id = ? AND opened_on < ?::date GROUP BY region
        ), members AS (
          SELECT region, count(*) AS customers FROM retail.customers
          WHERE tenant_id = ? AND joined_on < ?::date GROUP BY region
        ), spend AS (
          SELECT c.region, sum(%1$s) AS customer_spend
          FROM retail.transactions t
          JOIN retail.customers c ON c.customer_id = t.customer_id
          JOIN retail.transaction_items i ON i.txn_id = t.txn_id
          WHERE t.tenant_id = ? AND t.status = 'completed' AND t.ts >= ? AND t.ts < ?
          GROUP BY c.region
        ), store_sales AS (
          SELECT s.region, sum(%1$s) AS store_revenue
          FROM retail.transactions t
          JOIN retail.stores s ON s.store_id = t.store_id
          JOIN retail.transaction_items i ON i.txn_id = t.txn_id
          WHERE t.tenant_id = ? AND t.status = 'completed' AND t.ts >= ? AND t.ts < ?
          GROUP BY s.region
        )
        SELECT r.region, coalesce(cv.stores, 0) AS stores, coalesce(m.customers, 0) AS customers,
               coalesce(sp.customer_spend, 0.00) AS customer_spend, coalesce(ss.store_revenue, 0.00) AS store_revenue,
               round(coalesce(sp.customer_spend, 0) / nullif(cv.stores, 0), 2) AS customer_spend_per_store,
               round(coalesce(m.customers, 0)::numeric / nullif(cv.stores, 0), 1) AS customers_per_store
        FROM regions r
        LEFT JOIN coverage cv ON cv.region = r.region
        LEFT JOIN members m ON m.region = r.region
        LEFT JOIN spend sp ON sp.region = r.region
        LEFT JOIN store_sales ss ON ss.region = r.region
        ORDER BY (coalesce(cv.stores, 0) = 0 AND coalesce(sp.customer_spend, 0) > 0) DESC,
                 customer_spend_per_store DESC NULLS LAST, customer_spend DESC, r.region
        LIMIT ?""".formatted(Sql.LINE_REVENUE);
    List<Object> parameters = new ArrayList<>(List.of(t, t, t, to, t, to, t, from, to, t, from, to, maxRows));
    return new RetailQuery(new SqlStatement(sql, parameters, Sql.columns(Sql.text("region"), Sql.integer("stores"),
        Sql.integer("customers"), Sql.decimal("customer_spend"), Sql.decimal("store_revenue"),
        Sql.decimal("customer_spend_per_store"), Sql.decimal("customers_per_store"))),
        table -> describe(range, table));
  }

  private static String describe(TimeRange range, TabularResult table) {
    if (table.rows().isEmpty()) {
      return "No stores or customers to compare regions by.";
    }
    List<String> uncovered = new ArrayList<>();
    List<String> covered = new ArrayList<>();
    for (List<String> row : table.rows()) {
      if (row.get(1).equals("0")) {
        if (!row.get(3).equals("0") && !row.get(3).equals("0.00")) {
          uncovered.add(row.get(0) + " (" + row.get(2) + " customers live there and spent " + row.get(3)
              + " at our stores elsewhere; no store)");
        }
      } else if (covered.size() < 3) {
        covered.add(row.get(0) + " (" + row.get(1) + " stores, customers there spent " + row.get(3) + " = "
            + row.get(5) + " per store, " + row.get(6) + " customers per store)");
      }
    }
    StringBuilder text = new StringBuilder("Store-location opportunities from regional demand against our store "
        + "coverage (" + range.label() + "; demand = what loyalty customers living in a region spent at any of "
        + "our stores, coverage = stores open in the region). ");
    if (!uncovered.isEmpty()) {
      text.append("Regions with demand but no store: ").append(String.join("; ", uncovered)).append(". ");
    } else {
      text.append("Every region with customers has a store. ");
    }
    if (!covered.isEmpty()) {
      text.append("Highest demand per store: ").append(String.join("; ", covered))
          .append(": the best candidates for another store.");
    }
    return text.toString().strip();
  }
}
