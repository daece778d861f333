package io.suqi.lakehouse.platinum;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The changes to one identified customer's purchases over a moment ({@link PurchaseDeltaCombiner}):
 * the purchases counted and the revenue, added up, and per sale time the net count of purchases
 * added (positive) or taken back (negative); times whose changes cancel out are left out.
 */
public record PurchaseChanges(String tenantId, long customerId, int txnCount, BigDecimal revenue,
    List<TimedCount> purchases) {

  /** Purchases added (positive) or taken back (negative) at one sale time. */
  public record TimedCount(Instant ts, int count) {
  }

  public PurchaseChanges {
    purchases = List.copyOf(purchases);
  }

  /** One change alone. */
  public static PurchaseChanges of(PurchaseDelta delta) {
    return new PurchaseChanges(delta.tenantId(), delta.customerId(), delta.txnCount(), delta.revenue(),
        delta.txnCount() == 0 ? List.of() : List.of(new TimedCount(delta.ts(), delta.txnCount())));
  }

  /** The customer's key, "tenant/customer": the RFM aggregate is keyed by it. */
  public String customerKey() {
    return new CustomerKey(tenantId, customerId).toString();
  }
}
