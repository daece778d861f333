package io.suqi.lakehouse.platinum;

import io.suqi.lakehouse.silver.SilverTransaction;
import io.suqi.lakehouse.silver.TxnLine;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What one version of a transaction adds to its customer's purchases: one completed purchase at
 * its sale time, with its revenue. Anonymous, refunded, voided and deleted transactions add nothing.
 */
public record CountedPurchase(String tenantId, long customerId, Instant ts, BigDecimal revenue) {

  /** The contribution of {@code txn}, or null when it counts for nothing. */
  static CountedPurchase of(SilverTransaction txn) {
    if (txn.isDeleted() || !txn.header().isCompleted() || txn.header().customerId() == null) {
      return null;
    }
    BigDecimal revenue = TxnLine.revenueOf(txn.lines());
    return new CountedPurchase(txn.header().tenantId(), txn.header().customerId(), txn.header().ts(), revenue);
  }

  /**
   * The changes that turn {@code before} into {@code after} (either may be null). Same customer and
   * sale time: one revenue change, if any; otherwise the old purchase is taken back from its
   * customer and the new one counted for its own.
   */
  static List<PurchaseDelta> difference(CountedPurchase before, CountedPurchase after) {
    List<PurchaseDelta> deltas = new ArrayList<>(2);
    if (before != null && after != null && before.sameCustomerAndTime(after)) {
      BigDecimal revenue = after.revenue.subtract(before.revenue);
      if (revenue.signum() != 0) {
        deltas.add(new PurchaseDelta(after.tenantId, after.customerId, after.ts, 0, revenue));
      }
      return deltas;
    }
    if (before != null) {
      deltas.add(new PurchaseDelta(before.tenantId, before.customerId, before.ts, -1, before.revenue.negate()));
    }
    if (after != null) {
      deltas.add(new PurchaseDelta(after.tenantId, after.customerId, after.ts, 1, after.revenue));
    }
    return deltas;
  }

  private boolean sameCustomerAndTime(CountedPurchase other) {
    return tenantId.equals(other.tenantId) && customerId == other.customerId && ts.equals(other.ts);
  }
}
