package io.suqi.lakehouse.metrics;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A change to a store's completed sales at one sale time: a transaction counted (+1), taken back
 * (-1, after a refund, void or delete), or its revenue changed (0, e.g. its lines arrived).
 * The input of the minute metrics and of anomaly scoring.
 *
 * @param txnId the transaction changed; null for a sum of several transactions' changes
 *     ({@link SaleDeltaCombiner})
 * @param version numbers the changes of one transaction from 1, so that each has a stable identity
 *     across replays; 0 for a sum
 * @param ts the transaction's sale time: the change's event time (of a sum: the latest, all in one minute)
 * @param revenueSquared the change of the sum of squared transaction revenues: with the count and
 *     the revenue it gives the spread of basket values, which anomaly scoring needs
 * @param unpriced completed transactions added (+1) or removed (-1) that have no lines yet, so
 *     their revenue is not known; CDC delivers the lines of a transaction after its header
 */
public record SaleDelta(String txnId, int version, String tenantId, long storeId, Instant ts, int txnCount,
    BigDecimal revenue, double revenueSquared, int unpriced) {

  /** The store's key, "tenant/store": the analytics operators are keyed by it. */
  public String storeKey() {
    return new StoreKey(tenantId, storeId).toString();
  }

  /**
   * This change and {@code other} as one: the same store, both counted in the same minute. The sum
   * belongs to no single transaction.
   */
  public SaleDelta plus(SaleDelta other) {
    return new SaleDelta(null, 0, tenantId, storeId, ts.isAfter(other.ts) ? ts : other.ts, txnCount + other.txnCount,
        revenue.add(other.revenue), revenueSquared + other.revenueSquared, unpriced + other.unpriced);
  }
}
