package io.suqi.lakehouse.platinum;

/**
 * The days a store's feature series covers, as UTC epoch days: from its first sale day to its
 * latest. Every day in between has a feature row, with or without sales; a day whose sales were
 * all taken back stays in the span (its row is zero).
 */
public record FeatureSpan(long firstDay, long latestDay) {

  static FeatureSpan of(long day) {
    return new FeatureSpan(day, day);
  }

  FeatureSpan including(long day) {
    return new FeatureSpan(Math.min(firstDay, day), Math.max(latestDay, day));
  }

  boolean contains(long day) {
    return firstDay <= day && day <= latestDay;
  }
}
