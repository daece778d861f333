package io.suqi.lakehouse.anomaly;

/**
 * A store-day metric against its baseline.
 *
 * @param expected the baseline's typical value (same weekday, past weeks)
 * @param score how unusual, in robust standard deviations: positive above expected, negative below
 */
record Score(double observed, double expected, double score) {}
