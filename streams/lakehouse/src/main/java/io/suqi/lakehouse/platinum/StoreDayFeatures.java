package io.suqi.lakehouse.platinum;

import io.suqi.lakehouse.metrics.StoreKey;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A row of platinum.store_day_features: a store's sales on one UTC day (the forecasting target)
 * and the features known before that day begins. Windows and lags are trailing: they end the day
 * before, so a row never leaks its own target into its features.
 *
 * @param day the start of the UTC day (an Instant, as gold's buckets: Flink has no serializer for a
 *     LocalDate field, and the job allows no Kryo fallback)
 * @param avgBasket revenue / txnCount to 4 decimals; null on a day without transactions
 * @param revenue7d the revenue of day-7 … day-1
 * @param revenue28d the revenue of day-28 … day-1
 * @param revenueLag1d the revenue of day-1, zero when it had no sales (likewise the other lags)
 * @param dayOfWeek ISO, 1 = Monday
 * @param holiday whether the day is a US retail holiday ({@link RetailHolidays})
 */
public record StoreDayFeatures(String tenantId, long storeId, Instant day, BigDecimal revenue, long txnCount,
    long units, BigDecimal avgBasket, BigDecimal revenue7d, BigDecimal revenue28d, long txnCount7d,
    long txnCount28d, BigDecimal revenueLag1d, BigDecimal revenueLag7d, BigDecimal revenueLag28d, int dayOfWeek,
    int month, boolean holiday) {

  /** The longest look-back of any feature: a change to a day changes the rows of the 28 days after it. */
  public static final int LONGEST_WINDOW_DAYS = 28;

  /** The row of {@code day} (a UTC epoch day), from a history covering the 28 days before it. */
  static StoreDayFeatures of(StoreKey store, long day, SalesHistory history) {
    DaySales today = history.on(day);
    DaySales week = history.before(day, 7);
    DaySales fourWeeks = history.before(day, LONGEST_WINDOW_DAYS);
    LocalDate date = LocalDate.ofEpochDay(day);
    return new StoreDayFeatures(store.tenantId(), store.storeId(), date.atStartOfDay(ZoneOffset.UTC).toInstant(),
        today.revenue(), today.txnCount(), today.units(), today.averageBasket(), week.revenue(), fourWeeks.revenue(),
        week.txnCount(), fourWeeks.txnCount(), history.on(day - 1).revenue(), history.on(day - 7).revenue(),
        history.on(day - LONGEST_WINDOW_DAYS).revenue(), date.getDayOfWeek().getValue(), date.getMonthValue(),
        RetailHolidays.isHoliday(date));
  }

  /** The UTC calendar day of the row. */
  public LocalDate date() {
    return LocalDate.ofInstant(day, ZoneOffset.UTC);
  }
}
