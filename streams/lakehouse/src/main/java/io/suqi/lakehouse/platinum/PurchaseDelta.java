package io.suqi.lakehouse.platinum;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A change to an identified customer's completed purchases: a transaction counted (+1), taken back
 * (-1, after a refund, void or delete), or its revenue changed (0, e.g. its lines arrived).
 *
 * @param ts the transaction's sale time: the purchase time the change adds or removes
 */
public record PurchaseDelta(String tenantId, long customerId, Instant ts, int txnCount, BigDecimal revenue) {

  /** The customer's key, "tenant/customer": the RFM aggregate is keyed by it. */
  public String customerKey() {
    return new CustomerKey(tenantId, customerId).toString();
  }
}
