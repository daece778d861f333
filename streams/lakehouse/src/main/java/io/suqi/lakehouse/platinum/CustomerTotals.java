package io.suqi.lakehouse.platinum;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A customer's completed purchases as they stand, kept in state.
 *
 * @param firstPurchaseAt null when there is none (likewise lastPurchaseAt)
 */
public record CustomerTotals(long frequency, BigDecimal monetary, Instant firstPurchaseAt, Instant lastPurchaseAt) {

  static final CustomerTotals NONE = new CustomerTotals(0, BigDecimal.ZERO, null, null);

  /** With the purchase times at the extremes moved to include {@code ts}. */
  CustomerTotals including(Instant ts) {
    return new CustomerTotals(frequency, monetary,
        firstPurchaseAt == null || ts.isBefore(firstPurchaseAt) ? ts : firstPurchaseAt,
        lastPurchaseAt == null || ts.isAfter(lastPurchaseAt) ? ts : lastPurchaseAt);
  }

  CustomerTotals plus(PurchaseChanges changes) {
    return new CustomerTotals(frequency + changes.txnCount(), monetary.add(changes.revenue()), firstPurchaseAt,
        lastPurchaseAt);
  }

  CustomerTotals between(Instant first, Instant last) {
    return new CustomerTotals(frequency, monetary, first, last);
  }
}
