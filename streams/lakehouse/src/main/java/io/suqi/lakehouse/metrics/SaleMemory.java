package io.suqi.lakehouse.metrics;

/**
 * What {@link SaleDeltas} remembers of one transaction, in one state value (one state access per
 * version instead of six).
 *
 * @param counted what the last version counted, null when nothing
 * @param lastVersion the number of the last change emitted
 * @param lastChangeAt processing time of the last version: retention counts from it
 * @param cleanupAt the registered retention timer
 */
public record SaleMemory(CountedSale counted, int lastVersion, long lastChangeAt, long cleanupAt) {}
