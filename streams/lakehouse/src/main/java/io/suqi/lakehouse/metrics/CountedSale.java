package io.suqi.lakehouse.metrics;

import io.suqi.lakehouse.silver.SilverTransaction;
import io.suqi.lakehouse.silver.TxnLine;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What one version of a transaction adds to its store's sales: one completed transaction at its
 * sale time, with its revenue. Refunded, voided and deleted transactions add nothing.
 *
 * @param priced false while the transaction has no lines (its revenue is not known yet)
 */
public record CountedSale(String tenantId, long storeId, Instant ts, BigDecimal revenue, boolean priced) {

  /** The contribution of {@code txn}, or null when it counts for nothing. */
  static CountedSale of(SilverTransaction txn) {
    if (txn.isDeleted() || !txn.header().isCompleted()) {
      return null;
    }
    BigDecimal revenue = TxnLine.revenueOf(txn.lines());
    return new CountedSale(txn.header().tenantId(), txn.header().storeId(), txn.header().ts(), revenue,
        !txn.lines().isEmpty());
  }

  /**
   * The changes that turn {@code before} into {@code after} (either may be null), without version
   * numbers yet. Same store and sale time: one revenue change; otherwise the old sale is taken
   * back where it was and the new one counted where it is.
   */
  static List<SaleDelta> difference(String txnId, CountedSale before, CountedSale after) {
    List<SaleDelta> deltas = new ArrayList<>(2);
    if (before != null && after != null && before.sameStoreAndTime(after)) {
      BigDecimal revenue = after.revenue.subtract(before.revenue);
      int unpriced = after.unpricedCount() - before.unpricedCount();
      if (revenue.signum() != 0 || unpriced != 0) {
        deltas.add(new SaleDelta(txnId, 0, after.tenantId, after.storeId, after.ts, 0, revenue,
            after.revenueSquared() - before.revenueSquared(), unpriced));
      }
      return deltas;
    }
    if (before != null) {
      deltas.add(new SaleDelta(txnId, 0, before.tenantId, before.storeId, before.ts, -1, before.revenue.negate(),
          -before.revenueSquared(), -before.unpricedCount()));
    }
    if (after != null) {
      deltas.add(new SaleDelta(txnId, 0, after.tenantId, after.storeId, after.ts, 1, after.revenue,
          after.revenueSquared(), after.unpricedCount()));
    }
    return deltas;
  }

  private double revenueSquared() {
    double value = revenue.doubleValue();
    return value * value;
  }

  private boolean sameStoreAndTime(CountedSale other) {
    return tenantId.equals(other.tenantId) && storeId == other.storeId && ts.equals(other.ts);
  }

  private int unpricedCount() {
    return priced ? 0 : 1;
  }
}
