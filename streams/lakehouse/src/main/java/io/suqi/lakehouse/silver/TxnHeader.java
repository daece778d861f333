package io.suqi.lakehouse.silver;

import java.time.Instant;

/**
 * The header of a transaction, typed and checked.
 *
 * @param customerId null for an anonymous sale
 * @param region the region of the store, from retail.stores, when the header was accepted
 */
public record TxnHeader(String txnId, String tenantId, long storeId, Long customerId, Instant ts, String status,
    String paymentMethod, String region) {

  public static final String COMPLETED = "completed";

  public boolean isCompleted() {
    return COMPLETED.equals(status);
  }

  public TxnHeader withStatus(String newStatus) {
    return new TxnHeader(txnId, tenantId, storeId, customerId, ts, newStatus, paymentMethod, region);
  }
}
