package io.suqi.lakehouse.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WeekdayBaselineTest {

  private static final long DAY = 20_000;
  private final WeekdayBaseline baseline = new WeekdayBaseline(8, 4);
  private final Map<Long, DayTotals> history = new HashMap<>();

  @Test
  void aDayLikeItsWeekdayScoresZeroAndExpectsThatWeekday() {
    weeks(8, 30, 10);   // the scored day's weekday sells 30, the others 10

    Score score = baseline.score(AnomalyMetric.TXN_COUNT, DAY, count(30), history::get).orElseThrow();

    assertThat(score.expected()).isCloseTo(30, within(1e-9));
    assertThat(score.score()).isCloseTo(0, within(1e-9));
  }

  @Test
  void anOutageAndASpikeScoreFarOutAndOneOddWeekInTheBaselineBarelyMatters() {
    weeks(8, 20, 20);
    history.put(DAY - 14, totals(0, 0));                  // an outage two weeks ago, same weekday
    history.put(DAY - 3, totals(90, 900));                // and a spike on another day

    double outage = score(AnomalyMetric.TXN_COUNT, count(0));
    double spike = score(AnomalyMetric.TXN_COUNT, count(80));
    double ordinary = score(AnomalyMetric.TXN_COUNT, count(24));

    assertThat(outage).isLessThan(-5);
    assertThat(spike).isGreaterThan(6);
    assertThat(ordinary).isBetween(0.0, 1.0);
  }

  @Test
  void theSameRelativeDropMattersMoreAtABusierStore() {
    weeks(8, 10, 10);
    double small = score(AnomalyMetric.TXN_COUNT, count(5));
    history.clear();
    weeks(8, 100, 100);
    double busy = score(AnomalyMetric.TXN_COUNT, count(50));

    assertThat(small).isBetween(-2.0, -1.0);   // half of ten sales: Poisson noise
    assertThat(busy).isLessThan(-4);            // half of a hundred: not noise
  }

  @Test
  void revenueIsScoredInBasketsAndOnlyWhenEveryCountedSaleHasItsLines() {
    weeks(8, 20, 20);

    Score tripled = baseline.score(AnomalyMetric.REVENUE, DAY, totals(60, 600), history::get).orElseThrow();

    assertThat(tripled.expected()).isCloseTo(200, within(1e-6));
    assertThat(tripled.score()).isGreaterThan(4);
    assertThat(baseline.score(AnomalyMetric.REVENUE, DAY, new DayTotals(60, BigDecimal.valueOf(590), 5900, 1),
        history::get)).as("a sale without its lines yet").isEmpty();
    assertThat(baseline.score(AnomalyMetric.TXN_COUNT, DAY, new DayTotals(60, BigDecimal.valueOf(590), 5900, 1),
        history::get)).isPresent();
  }

  @Test
  void aDropIsScoredByTheCountsOwnTailAndASpikeOnTheSquareRootScale() {
    // Given a small store selling 15 a day, every day, for 8 weeks
    weeks(8, 15, 15);

    // When it sells 4, or 4 more than usual
    Score drop = baseline.score(AnomalyMetric.TXN_COUNT, DAY, count(4), history::get).orElseThrow();
    double spike = score(AnomalyMetric.TXN_COUNT, count(19));

    // Then the drop's score is the lower tail of a count expected at 15 whose rate is estimated,
    // not the square-root scale's (which would say about -3.3), and the spike keeps that scale
    assertThat(drop.expected()).isCloseTo(15, within(1e-6));
    assertThat(drop.score()).isBetween(-3.2, -2.5);
    assertThat(spike).isCloseTo((2 * Math.sqrt(19.375) - 2 * Math.sqrt(15.375)) / spreadOf(8, 14), within(1e-6));
  }

  @Test
  void onePastOutageOfTheWeekdayDoesNotLowerTheExpectedValue() {
    // Given 8 weeks of 20 a day, one of the scored weekday's past days an outage
    weeks(8, 20, 20);
    history.put(DAY - 21, count(0));

    // When an ordinary day is scored
    Score score = baseline.score(AnomalyMetric.TXN_COUNT, DAY, count(20), history::get).orElseThrow();

    // Then the outage, left out of the weekday's mean, moves the expected value by well under a sale
    assertThat(score.expected()).isCloseTo(20, within(0.5));
  }

  @Test
  void tooFewWeeksOfTheWeekdaySayNothing() {
    weeks(3, 20, 20);

    assertThat(baseline.score(AnomalyMetric.TXN_COUNT, DAY, count(0), history::get)).isEmpty();
  }

  private double score(AnomalyMetric metric, DayTotals observed) {
    return baseline.score(metric, DAY, observed, history::get).orElseThrow().score();
  }

  /** The spread of a prediction from means over {@code weeks} same weekdays and {@code recent} days. */
  private static double spreadOf(int weeks, int recent) {
    return Math.sqrt(1 + 1.0 / weeks + 1.0 / recent);
  }

  /** {@code count} weeks before DAY: its weekday sells {@code sameWeekday}, the others {@code otherDays}. */
  private void weeks(int count, long sameWeekday, long otherDays) {
    for (int back = 1; back <= 7 * count; back++) {
      history.put(DAY - back, count(back % 7 == 0 ? sameWeekday : otherDays));
    }
  }

  private static DayTotals count(long txns) {
    return totals(txns, txns * 10);
  }

  /** Baskets of 10 each: the sum of squares is 100 per sale. */
  private static DayTotals totals(long txns, long revenue) {
    return new DayTotals(txns, BigDecimal.valueOf(revenue), txns == 0 ? 0 : revenue * revenue / (double) txns, 0);
  }
}
