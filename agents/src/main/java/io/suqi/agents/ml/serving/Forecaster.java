package io.suqi.agents.ml.serving;

import io.suqi.agents.ml.training.GradientBoostedTrees;
import io.suqi.agents.ml.training.StoreDay;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Forecasts a store's next days one at a time: each day's features (lags, trailing windows) come
 * from the history and the days already forecast, as platinum computes them from actuals.
 * Holidays ahead are not known to the agent (the calendar lives in the lakehouse) and count as none.
 */
public final class Forecaster {

  public record DayForecast(LocalDate day, double revenue) {}

  private Forecaster() {}

  public static List<DayForecast> forecast(GradientBoostedTrees model, List<StoreDay> history, int days) {
    if (history.isEmpty()) {
      throw new IllegalArgumentException("the store has no rows in platinum.store_day_features");
    }
    Map<LocalDate, Double> revenue = new HashMap<>();
    LocalDate last = history.get(0).day();
    for (StoreDay row : history) {
      revenue.put(row.day(), row.revenue());
      last = row.day().isAfter(last) ? row.day() : last;
    }
    long store = history.get(0).storeId();
    List<DayForecast> out = new ArrayList<>();
    for (int i = 1; i <= days; i++) {
      LocalDate day = last.plusDays(i);
      StoreDay features = new StoreDay(store, day, 0, at(revenue, day, 1), at(revenue, day, 7), at(revenue, day, 28),
          sum(revenue, day, 7), sum(revenue, day, 28), day.getDayOfWeek().getValue(), day.getMonthValue(), false);
      double predicted = model.predict(features);
      revenue.put(day, predicted);
      out.add(new DayForecast(day, predicted));
    }
    return out;
  }

  private static double at(Map<LocalDate, Double> revenue, LocalDate day, int back) {
    return revenue.getOrDefault(day.minusDays(back), 0.0);
  }

  private static double sum(Map<LocalDate, Double> revenue, LocalDate day, int days) {
    double total = 0;
    for (int back = 1; back <= days; back++) {
      total += at(revenue, day, back);
    }
    return total;
  }
}
