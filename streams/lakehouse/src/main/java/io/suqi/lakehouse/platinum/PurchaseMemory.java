package io.suqi.lakehouse.platinum;

import io.suqi.lakehouse.retention.Retention;

/**
 * What {@link PurchaseDeltas} remembers of one transaction, in one state value.
 *
 * @param counted what the last version counted
 * @param retention when it may be forgotten
 */
public record PurchaseMemory(CountedPurchase counted, Retention retention) {}
