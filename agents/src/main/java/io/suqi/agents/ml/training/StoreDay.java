package io.suqi.agents.ml.training;

import java.time.LocalDate;

/**
 * One row of platinum.store_day_features: a store's revenue on a day (the target) and what was
 * known before the day started (trailing windows and lags, calendar).
 */
public record StoreDay(long storeId, LocalDate day, double revenue, double revenueLag1d, double revenueLag7d,
    double revenueLag28d, double revenue7d, double revenue28d, int dayOfWeek, int month, boolean holiday) {}
