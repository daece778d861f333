package io.suqi.lakehouse.gold;

/**
 * What {@link SalesAggregator} keeps per gold row, in one state value: the total, and when its
 * pending emission is due (0 when nothing is pending).
 */
public record GoldTotal(SalesCell total, long flushAt) {}
