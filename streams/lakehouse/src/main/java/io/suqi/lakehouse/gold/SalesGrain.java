package io.suqi.lakehouse.gold;

/** The gold tables of sales measures, each a grain of the same three measures. */
public enum SalesGrain {
  /** gold.sales_daily: (tenant, store, UTC day). */
  DAILY_STORE,
  /** gold.sales_hourly_store: (tenant, store, UTC hour). */
  HOURLY_STORE,
  /** gold.sales_daily_category_region: (tenant, UTC day, product category, store region). */
  DAILY_CATEGORY_REGION
}
