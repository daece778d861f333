package io.suqi.lakehouse.anomaly;

import java.io.Serializable;

/**
 * How store-days are scored (see {@link WeekdayBaseline}).
 *
 * @param baselineWeeks how many past weeks form the baseline. 12 by default: at a small store the
 *     uncertainty of the expected value, estimated from one value per week of its weekday, is what
 *     hides a drop, and a quarter's weeks keep it small while the week levels still follow the season
 * @param minBaselineWeeks a day is scored only once its weekday has at least this many past values
 *     (a new store, or one back after a long silence, is not scored until then)
 * @param countThreshold the transaction count is a spike when its score is at least this far above
 *     zero
 * @param revenueThreshold revenue is anomalous when its score is at least this far from zero.
 *     Higher, because basket values are skewed (a few large baskets): even scaled by its dispersion,
 *     a day's revenue has heavier tails than a count, and one big basket at a small store is not an
 *     incident
 * @param forgetAfterSilentDays a store without a sale for this many days is forgotten: its days are
 *     no longer scored as outages and its state is dropped (it closed, or left the tenant); its next
 *     sale starts a new history
 * @param countDropThreshold the transaction count is a drop when its score is at least this far
 *     below zero. A drop's score is read from the count's own lower tail ({@link CountTail}), so
 *     this is a one-sided false-alarm rate: at 3.5, about 2 ordinary store-days in 10,000 (on the
 *     demo data, 33 of 221,338). A drop that matters at a small store (a till down most of the day:
 *     4 sales where 15 were expected) scores about -3 to -4, and on this exact scale a lower
 *     threshold than a spike's costs few false alarms
 */
public record AnomalySettings(int baselineWeeks, int minBaselineWeeks, double countThreshold,
    double revenueThreshold, int forgetAfterSilentDays, double countDropThreshold) implements Serializable {

  public static final AnomalySettings DEFAULTS = new AnomalySettings(12, 4, 4.0, 5.0, 7, 3.5);

  public AnomalySettings {
    if (minBaselineWeeks < 1 || baselineWeeks < minBaselineWeeks) {
      throw new IllegalArgumentException("need 1 <= minBaselineWeeks <= baselineWeeks, was " + minBaselineWeeks
          + " and " + baselineWeeks);
    }
    if (!(countThreshold > 0) || !(revenueThreshold > 0) || !(countDropThreshold > 0)) {
      throw new IllegalArgumentException("thresholds must be positive, were " + countThreshold + ", "
          + revenueThreshold + " and " + countDropThreshold);
    }
    if (forgetAfterSilentDays < 1) {
      throw new IllegalArgumentException("forgetAfterSilentDays must be >= 1, was " + forgetAfterSilentDays);
    }
  }

  /** Whether a metric's score (see {@link Score}) makes its store-day an anomaly. */
  boolean isAnomalous(AnomalyMetric metric, double score) {
    if (metric == AnomalyMetric.REVENUE) {
      return Math.abs(score) >= revenueThreshold;
    }
    return score >= countThreshold || score <= -countDropThreshold;
  }

  /** The same settings with every threshold multiplied by {@code factor}, e.g. to record near misses. */
  AnomalySettings scaledThresholds(double factor) {
    return new AnomalySettings(baselineWeeks, minBaselineWeeks, countThreshold * factor, revenueThreshold * factor,
        forgetAfterSilentDays, countDropThreshold * factor);
  }
}
