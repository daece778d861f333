package io.suqi.lakehouse.metrics;

import io.suqi.lakehouse.retention.Retention;

/**
 * What {@link SaleDeltas} remembers of one transaction, in one state value (one state access per
 * version instead of six).
 *
 * @param counted what the last version counted, null when nothing
 * @param lastVersion the number of the last change emitted
 * @param retention when it may be forgotten
 */
public record SaleMemory(CountedSale counted, int lastVersion, Retention retention) {}
