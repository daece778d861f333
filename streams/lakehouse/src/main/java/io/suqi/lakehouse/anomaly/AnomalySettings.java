package io.suqi.lakehouse.anomaly;

/**
 * How store-days are scored (see {@link WeekdayBaseline}).
 *
 * @param baselineWeeks how many past weeks form the baseline: the same weekday of each for the
 *     expected value, every day of them for the spread
 * @param minBaselineWeeks a day is scored only once its weekday has at least this many past values
 *     (a new store, or a store back after a long silence, is not scored until then)
 * @param threshold a metric is anomalous when its score is at least this far from zero
 * @param forgetAfterSilentDays a store without a sale for this many days is forgotten: its days are
 *     no longer scored as outages and its state is dropped (it closed, or left the tenant); its next
 *     sale starts a new history
 */
public record AnomalySettings(int baselineWeeks, int minBaselineWeeks, double threshold, int forgetAfterSilentDays) {

  public static final AnomalySettings DEFAULTS = new AnomalySettings(8, 4, 4.0, 7);

  public AnomalySettings {
    if (minBaselineWeeks < 1 || baselineWeeks < minBaselineWeeks) {
      throw new IllegalArgumentException("need 1 <= minBaselineWeeks <= baselineWeeks, was " + minBaselineWeeks
          + " and " + baselineWeeks);
    }
    if (!(threshold > 0)) {
      throw new IllegalArgumentException("threshold must be positive, was " + threshold);
    }
    if (forgetAfterSilentDays < 1) {
      throw new IllegalArgumentException("forgetAfterSilentDays must be >= 1, was " + forgetAfterSilentDays);
    }
  }
}
