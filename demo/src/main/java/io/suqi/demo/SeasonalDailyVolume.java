package io.suqi.demo;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Baseline volume: store traffic x day of week x season x slow growth, scaled so the whole window
 * adds up to a target number of transactions. It deliberately has no one-day holiday spikes, so
 * an anomaly detector finds only the anomalies that are injected on purpose.
 */
final class SeasonalDailyVolume implements DailyVolume {

  /** Monday to Sunday: weekends are the busiest days. */
  private static final double[] DAY_OF_WEEK = {0.85, 0.80, 0.85, 0.95, 1.15, 1.45, 1.30};
  /** January to December at mid-month: a summer bump and a December peak. */
  private static final double[] MID_MONTH = {0.82, 0.84, 0.92, 0.96, 1.00, 1.08, 1.14, 1.10, 0.95,
      0.98, 1.12, 1.45};
  private static final double YEARLY_GROWTH = 0.04;
  /** A new store starts at this share of its traffic and reaches full traffic after the ramp. */
  private static final double NEW_STORE_START = 0.6;
  private static final int NEW_STORE_RAMP_DAYS = 60;

  private final LocalDate firstDay;
  private final double scale;

  private SeasonalDailyVolume(LocalDate firstDay, double scale) {
    this.firstDay = firstDay;
    this.scale = scale;
  }

  static SeasonalDailyVolume calibrated(List<Store> stores, LoadWindow window,
      double targetTransactions) {
    SeasonalDailyVolume unscaled = new SeasonalDailyVolume(window.firstDay(), 1.0);
    double total = 0;
    for (LocalDate day : window.days()) {
      for (Store store : stores) {
        total += unscaled.expectedTransactions(store, day);
      }
    }
    return new SeasonalDailyVolume(window.firstDay(), targetTransactions / total);
  }

  @Override
  public double expectedTransactions(Store store, LocalDate day) {
    if (!store.isOpenOn(day)) {
      return 0;
    }
    return scale * store.traffic() * DAY_OF_WEEK[day.getDayOfWeek().getValue() - 1] * season(day)
        * growth(day) * newStoreRamp(store, day);
  }

  /** Interpolates between mid-month values so the season has no steps at month boundaries. */
  private static double season(LocalDate day) {
    double months = day.getMonthValue() - 1 + (day.getDayOfMonth() - 0.5) / day.lengthOfMonth() - 0.5;
    int before = (int) Math.floor(months);
    double towardsNext = months - before;
    return MID_MONTH[Math.floorMod(before, 12)] * (1 - towardsNext)
        + MID_MONTH[Math.floorMod(before + 1, 12)] * towardsNext;
  }

  private double growth(LocalDate day) {
    return 1 + YEARLY_GROWTH * ChronoUnit.DAYS.between(firstDay, day) / 365.0;
  }

  private static double newStoreRamp(Store store, LocalDate day) {
    long daysOpen = ChronoUnit.DAYS.between(store.openedOn(), day);
    if (daysOpen >= NEW_STORE_RAMP_DAYS) {
      return 1;
    }
    return NEW_STORE_START + (1 - NEW_STORE_START) * daysOpen / NEW_STORE_RAMP_DAYS;
  }
}
