package io.suqi.lakehouse.anomaly;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * Scores a store-day against the store's own recent weeks, robustly: medians and median absolute
 * deviations find what is typical, so that a past anomaly in the baseline barely moves it.
 *
 * <ul>
 *   <li>Scale. Values are compared on a square-root scale, 2·sqrt(x + 3/8) (Anscombe's transform):
 *       for a count of independent sales it turns Poisson noise, which grows with the volume, into
 *       noise of standard deviation 1 at any volume, so one threshold fits a store with 5 sales a
 *       day and one with 50. Revenue is a sum of basket values, noisier than a count by the spread
 *       of those values; divided by its dispersion (the baseline's sum of squared basket values over
 *       its revenue) it becomes a count-like number with the same property.</li>
 *   <li>Baseline: the last {@code weeks} weeks as a table of weeks × weekdays, decomposed by a
 *       median polish (Tukey) into a weekday effect (weekly seasonality, the strongest pattern in
 *       store sales), a level per week (the season, promotions, growth) and residuals (noise).</li>
 *   <li>Spread: 1.4826 × the median absolute residual, never below 1 (the Poisson noise itself).
 *       Residuals of all weekdays and weeks: seven times more values than one weekday offers, and
 *       free of the season's swings, which the week levels absorb.</li>
 *   <li>Expected: the day's weekday effect plus the level of the last two weeks (their days'
 *       deviations from their weekday effects), so a season turning (December to January) is
 *       followed within days. Both are means of the values within 3 spreads of the polish's
 *       medians: a median of n values is as uncertain as a mean of 2n/π, and at a small store that
 *       uncertainty, not the day's own noise, is what hides a drop; a past anomaly, far out, is
 *       still left out.</li>
 *   <li>Score: (observed − expected) / spread on that scale, the spread widened for the
 *       uncertainty of the expected value (the day is compared against the noise of a prediction,
 *       not of a known mean). A count below its expected value is scored from its own lower tail
 *       instead ({@link CountTail}): at a few sales a day the normal curve on the square-root scale
 *       makes a drop look several times rarer than it is, so a threshold meant for a rare event
 *       would fire on ordinary quiet days of small stores.</li>
 * </ul>
 */
final class WeekdayBaseline {

  private static final double MAD_TO_STANDARD_DEVIATION = 1.4826;
  private static final double POISSON_SPREAD = 1.0;
  private static final int WEEK = 7;
  private static final int RECENT_DAYS = 14;
  private static final int POLISH_ROUNDS = 2;
  /** A value this many spreads from the median is left out of the mean. */
  private static final double SKIP_BEYOND = 3.0;

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
    // table[week][weekday]: week 0 is the last 7 days; weekday 0 is the scored day's weekday.
    DayTotals[][] days = new DayTotals[weeks][WEEK];
    List<DayTotals> known = new ArrayList<>();
    for (int back = 1; back <= WEEK * weeks; back++) {
      DayTotals totals = history.apply(day - back);
      if (totals != null && metric.measurable(totals)) {
        days[(back - 1) / WEEK][back % WEEK] = totals;
        known.add(totals);
      }
    }
    double unit = unit(metric, known);
    if (!(unit > 0) || Double.isInfinite(unit)) {
      return Optional.empty();
    }
    double[][] table = new double[weeks][WEEK];
    for (int week = 0; week < weeks; week++) {
      for (int weekday = 0; weekday < WEEK; weekday++) {
        DayTotals totals = days[week][weekday];
        table[week][weekday] = totals == null ? Double.NaN : stabilized(metric.value(totals), unit);
      }
    }
    int sameWeekdayCount = countKnown(table, 0);
    if (sameWeekdayCount < minWeeks) {
      return Optional.empty();
    }
    MedianPolish polish = MedianPolish.of(table, POLISH_ROUNDS);
    double noise = Math.max(POISSON_SPREAD, MAD_TO_STANDARD_DEVIATION * polish.medianAbsoluteResidual());
    double[] effects = new double[WEEK];
    for (int weekday = 0; weekday < WEEK; weekday++) {
      List<Double> column = new ArrayList<>();
      for (int week = 0; week < weeks; week++) {
        column.add(table[week][weekday] - zeroIfUnknown(polish.weekLevels()[week]));
      }
      effects[weekday] = skippedMean(column, polish.weekdayEffects()[weekday], noise);
    }
    List<Double> recent = new ArrayList<>();
    for (int back = 1; back <= RECENT_DAYS && back <= WEEK * weeks; back++) {
      double value = table[(back - 1) / WEEK][back % WEEK];
      double weekdayEffect = effects[back % WEEK];
      if (!Double.isNaN(value) && !Double.isNaN(weekdayEffect)) {
        recent.add(value - weekdayEffect);
      }
    }
    double center = effects[0] + (recent.isEmpty() ? 0 : skippedMean(recent, median(recent), noise));
    // A mean of n values varies by the noise's variance over n.
    double estimation = 1.0 / sameWeekdayCount + (recent.isEmpty() ? 0 : 1.0 / recent.size());
    double spread = noise * Math.sqrt(1 + estimation);
    double value = metric.value(observed);
    double expected = unstabilized(center, unit);
    double score = (stabilized(value, unit) - center) / spread;
    if (metric == AnomalyMetric.TXN_COUNT && value < expected) {
      // Var(2·sqrt(X)) ≈ Var(X) / E(X): the spread squared is the count's variance over its mean.
      score = CountTail.lowerScore(observed.txnCount(), expected, spread * spread);
    }
    return Optional.of(new Score(value, expected, score));
  }

  /**
   * The mean of the values within {@code SKIP_BEYOND} noise of {@code median} (NaN values ignored),
   * or the median when none is.
   */
  private static double skippedMean(List<Double> values, double median, double noise) {
    double sum = 0;
    int count = 0;
    for (double value : values) {
      if (!Double.isNaN(value) && Math.abs(value - median) <= SKIP_BEYOND * noise) {
        sum += value;
        count++;
      }
    }
    return count == 0 ? median : sum / count;
  }

  private static double zeroIfUnknown(double value) {
    return Double.isNaN(value) ? 0 : value;
  }

  /** What one "count" of the metric is worth: 1 for transactions, the dispersion for revenue. */
  private static double unit(AnomalyMetric metric, List<DayTotals> days) {
    if (metric == AnomalyMetric.TXN_COUNT) {
      return 1;
    }
    double squares = days.stream().mapToDouble(DayTotals::revenueSquared).sum();
    double revenue = days.stream().mapToDouble(day -> day.revenue().doubleValue()).sum();
    return squares / revenue;
  }

  private static int countKnown(double[][] table, int weekday) {
    int known = 0;
    for (double[] week : table) {
      known += Double.isNaN(week[weekday]) ? 0 : 1;
    }
    return known;
  }

  /** Anscombe's variance-stabilizing transform of a count (here: of units). */
  private static double stabilized(double value, double unit) {
    return 2 * Math.sqrt(Math.max(0, value) / unit + 0.375);
  }

  private static double unstabilized(double stabilized, double unit) {
    double half = Math.max(0, stabilized) / 2;
    return Math.max(0, half * half - 0.375) * unit;
  }

  /** The median of the values that are not NaN; NaN when there are none. */
  static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).filter(v -> !Double.isNaN(v)).toArray();
    if (sorted.length == 0) {
      return Double.NaN;
    }
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }
}
