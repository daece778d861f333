package io.suqi.platform.runtime;

/**
 * Whether platinum holds the whole revenue of retail.*. Counting platinum's rows or transactions is
 * not enough to know it is complete: through CDC a transaction's header can arrive before its lines
 * and is counted, with zero revenue, until they do.
 */
final class PlatinumRevenue {

  /** How many tenants' revenue in platinum differs from that of their completed sales in retail.*. */
  static final String TENANTS_BEHIND = """
      SELECT count(*)
      FROM (SELECT t.tenant_id, sum(i.quantity * i.unit_price - i.discount) AS revenue
            FROM retail.transaction_items i JOIN retail.transactions t ON t.txn_id = i.txn_id
            WHERE t.status = 'completed' GROUP BY t.tenant_id) sold
      FULL JOIN (SELECT tenant_id, sum(revenue) AS revenue FROM platinum.store_day_features GROUP BY tenant_id) featured
        ON featured.tenant_id = sold.tenant_id
      WHERE coalesce(featured.revenue, 0) IS DISTINCT FROM coalesce(sold.revenue, 0)""";

  private PlatinumRevenue() {}
}
