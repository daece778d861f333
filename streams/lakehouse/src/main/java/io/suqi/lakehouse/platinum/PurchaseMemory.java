package io.suqi.lakehouse.platinum;

/**
 * What {@link PurchaseDeltas} remembers of one transaction, in one state value.
 *
 * @param counted what the last version counted
 * @param lastChangeAt processing time of the last version: retention counts from it
 * @param cleanupAt the registered retention timer
 */
public record PurchaseMemory(CountedPurchase counted, long lastChangeAt, long cleanupAt) {}
