package io.suqi.lakehouse.anomaly;

import java.io.Serializable;

/**
 * How store-days are scored (see {@link WeekdayBaseline}).
 *
 * @param baselineWeeks how many past weeks form the baseline
 * @param minBaselineWeeks a day is scored only once its weekday has at least this many past values
 *     (a new store, or one back after a long silence, is not scored until then)
 * @param countThreshold the transaction count is anomalous when its score is at least this far
 *     from zero
 * @param revenueThreshold the same for revenue. Higher, because basket values are skewed (a few
 *     large baskets): even scaled by its dispersion, a day's revenue has heavier tails than a
 *     count, and one big basket at a small store is not an incident
 * @param forgetAfterSilentDays a store without a sale for this many days is forgotten: its days are
 *     no longer scored as outages and its state is dropped (it closed, or left the tenant); its next
 *     sale starts a new history
 */
public record AnomalySettings(int baselineWeeks, int minBaselineWeeks, double countThreshold,
    double revenueThreshold, int forgetAfterSilentDays) implements Serializable {

  public static final AnomalySettings DEFAULTS = new AnomalySettings(8, 4, 4.0, 5.0, 7);

  public AnomalySettings {
    if (minBaselineWeeks < 1 || baselineWeeks < minBaselineWeeks) {
      throw new IllegalArgumentException("need 1 <= minBaselineWeeks <= baselineWeeks, was " + minBaselineWeeks
          + " and " + baselineWeeks);
    }
    if (!(countThreshold > 0) || !(revenueThreshold > 0)) {
      throw new IllegalArgumentException("thresholds must be positive, were " + countThreshold + " and "
          + revenueThreshold);
    }
    if (forgetAfterSilentDays < 1) {
      throw new IllegalArgumentException("forgetAfterSilentDays must be >= 1, was " + forgetAfterSilentDays);
    }
  }

  double threshold(AnomalyMetric metric) {
    return metric == AnomalyMetric.TXN_COUNT ? countThreshold : revenueThreshold;
  }
}
