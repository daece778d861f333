package io.suqi.agents.ml.training;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * Train on the past, test on the most recent days: the test period is the last {@code testDays}
 * calendar days that have data, and training takes every earlier day whose 28-day window is full
 * (a store's first 28 days have incomplete lags and would teach the model zeros).
 */
public record TimeSplit(List<StoreDay> train, List<StoreDay> test, LocalDate testFrom, LocalDate testTo) {

  public static final int DEFAULT_TEST_DAYS = 28;
  private static final int WARM_UP_DAYS = 28;

  public static TimeSplit of(List<StoreDay> rows, int testDays) {
    if (testDays < 1) {
      throw new IllegalArgumentException("the test period needs at least one day, was " + testDays);
    }
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("no rows in platinum.store_day_features for this tenant yet");
    }
    LocalDate last = rows.stream().map(StoreDay::day).max(Comparator.naturalOrder()).orElseThrow();
    LocalDate testFrom = last.minusDays(testDays - 1L);
    java.util.Map<Long, LocalDate> firstDay = new java.util.HashMap<>();
    rows.forEach(r -> firstDay.merge(r.storeId(), r.day(), (a, b) -> a.isBefore(b) ? a : b));
    List<StoreDay> sorted = rows.stream()
        .filter(r -> !r.day().isBefore(firstDay.get(r.storeId()).plusDays(WARM_UP_DAYS)))
        .sorted(Comparator.comparing(StoreDay::day).thenComparing(StoreDay::storeId)).toList();
    List<StoreDay> train = sorted.stream().filter(r -> r.day().isBefore(testFrom)).toList();
    List<StoreDay> test = sorted.stream().filter(r -> !r.day().isBefore(testFrom)).toList();
    if (train.isEmpty() || test.isEmpty()) {
      throw new IllegalArgumentException("not enough history to train: need more than " + (WARM_UP_DAYS + testDays)
          + " days per store, the data ends on " + last);
    }
    return new TimeSplit(train, test, testFrom, last);
  }
}
