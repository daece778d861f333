package io.suqi.lakehouse.metrics;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A store's completed sales in one event-time minute, as they stand: a row of
 * gold.store_minute_metrics and a StoreMetric on the real-time metrics topic. A later record for
 * the same store and minute supersedes an earlier one.
 */
public record StoreMinute(String tenantId, long storeId, Instant windowStart, Instant windowEnd, long txnCount,
    BigDecimal revenue) {

  public String storeKey() {
    return new StoreKey(tenantId, storeId).toString();
  }
}
