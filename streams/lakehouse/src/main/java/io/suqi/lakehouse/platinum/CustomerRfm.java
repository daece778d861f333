package io.suqi.lakehouse.platinum;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A row of platinum.customer_rfm as it stands; with a frequency of zero, the notice that the
 * customer has no completed purchase left (the sink deletes the row).
 *
 * @param firstPurchaseAt null when frequency is zero (likewise lastPurchaseAt)
 * @param frequency completed transactions
 * @param monetary their revenue
 */
public record CustomerRfm(String tenantId, long customerId, Instant firstPurchaseAt, Instant lastPurchaseAt,
    long frequency, BigDecimal monetary) {

  static CustomerRfm of(CustomerKey customer, CustomerTotals totals) {
    return new CustomerRfm(customer.tenantId(), customer.customerId(), totals.firstPurchaseAt(),
        totals.lastPurchaseAt(), totals.frequency(), totals.monetary());
  }

  static CustomerRfm gone(CustomerKey customer) {
    return of(customer, CustomerTotals.NONE);
  }

  public boolean isGone() {
    return frequency <= 0;
  }
}
