package io.suqi.lakehouse.anomaly;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * Scores a store-day against the store's own recent weeks, robustly (median and MAD, so past
 * anomalies in the baseline barely move it).
 *
 * <ul>
 *   <li>Scale. Values are compared on a square-root scale, 2·sqrt(x + 3/8) (Anscombe's transform):
 *       for counts of independent sales it turns Poisson noise, which grows with the volume, into
 *       noise of standard deviation 1 at any volume, so one threshold fits a store with 5 sales a
 *       day and one with 50. Revenue is first divided by the store's typical basket (median
 *       revenue / median count of the baseline weeks), making it a count of "baskets' worth".</li>
 *   <li>Expected: the median of the same weekday over the last {@code weeks} weeks (weekly
 *       seasonality is the strongest pattern in store sales).</li>
 *   <li>Spread: 1.4826 × the median absolute deviation of every baseline day from its own
 *       weekday's median: seven times more values than one weekday offers, so a quiet few weeks
 *       cannot make small wobbles look extreme. Never below 1, the Poisson noise itself.</li>
 *   <li>Score: (observed − expected) / spread on that scale.</li>
 * </ul>
 */
final class WeekdayBaseline {

  private static final double MAD_TO_STANDARD_DEVIATION = 1.4826;
  private static final double POISSON_SPREAD = 1.0;
  /** A weekday with fewer values has no meaningful deviation from its own median. */
  private static final int MIN_VALUES_FOR_SPREAD = 3;
  private static final int WEEK = 7;

  private final int weeks;
  private final int minWeeks;

  WeekdayBaseline(int weeks, int minWeeks) {
    this.weeks = weeks;
    this.minWeeks = minWeeks;
  }

  /**
   * @param history the store's totals of an earlier epoch day, or null when unknown (before the
   *     store was first seen)
   * @return empty when there is too little history to say
   */
  Optional<Score> score(AnomalyMetric metric, long day, DayTotals observed, LongFunction<DayTotals> history) {
    if (!metric.measurable(observed)) {
      return Optional.empty();
    }
    List<List<DayTotals>> byWeekday = new ArrayList<>();
    for (int i = 0; i < WEEK; i++) {
      byWeekday.add(new ArrayList<>());
    }
    List<DayTotals> all = new ArrayList<>();
    for (int back = 1; back <= WEEK * weeks; back++) {
      DayTotals past = history.apply(day - back);
      if (past != null && metric.measurable(past)) {
        byWeekday.get(back % WEEK).add(past);
        all.add(past);
      }
    }
    List<DayTotals> sameWeekday = byWeekday.get(0);
    double unit = metric == AnomalyMetric.TXN_COUNT ? 1
        : median(all, AnomalyMetric.REVENUE) / median(all, AnomalyMetric.TXN_COUNT);
    if (sameWeekday.size() < minWeeks || !(unit > 0) || Double.isInfinite(unit)) {
      return Optional.empty();
    }
    double center = median(transformed(sameWeekday, metric, unit));
    List<Double> deviations = new ArrayList<>();
    for (List<DayTotals> weekday : byWeekday) {
      if (weekday.size() >= MIN_VALUES_FOR_SPREAD) {
        double[] values = transformed(weekday, metric, unit);
        double weekdayMedian = median(values);
        for (double value : values) {
          deviations.add(Math.abs(value - weekdayMedian));
        }
      }
    }
    double deviation = deviations.isEmpty() ? 0 : median(deviations.stream().mapToDouble(Double::doubleValue).toArray());
    double spread = Math.max(POISSON_SPREAD, MAD_TO_STANDARD_DEVIATION * deviation);
    double value = metric.value(observed);
    return Optional.of(new Score(value, median(sameWeekday, metric),
        (stabilized(value, unit) - center) / spread));
  }

  private static double[] transformed(List<DayTotals> days, AnomalyMetric metric, double unit) {
    return days.stream().mapToDouble(day -> stabilized(metric.value(day), unit)).toArray();
  }

  /** Anscombe's variance-stabilizing transform of a count (here: of units). */
  private static double stabilized(double value, double unit) {
    return 2 * Math.sqrt(Math.max(0, value) / unit + 0.375);
  }

  private static double median(List<DayTotals> days, AnomalyMetric metric) {
    return median(days.stream().mapToDouble(metric::value).toArray());
  }

  /** NaN for no values. */
  static double median(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }
}
