package io.suqi.agents.ml;

import io.suqi.agents.ml.training.StoreDay;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Small known store-day series with platinum's trailing features, computed the way the lakehouse does. */
public final class SyntheticSeries {

  public interface Revenue {
    double of(long store, LocalDate day, int index);
  }

  private SyntheticSeries() {}

  public static List<StoreDay> of(int stores, LocalDate first, int days, Revenue revenue) {
    List<StoreDay> rows = new ArrayList<>();
    for (long store = 1; store <= stores; store++) {
      Map<LocalDate, Double> seen = new HashMap<>();
      for (int i = 0; i < days; i++) {
        LocalDate day = first.plusDays(i);
        double r = revenue.of(store, day, i);
        seen.put(day, r);
        rows.add(new StoreDay(store, day, r, at(seen, day, 1), at(seen, day, 7), at(seen, day, 28), sum(seen, day, 7),
            sum(seen, day, 28), day.getDayOfWeek().getValue(), day.getMonthValue(), false));
      }
    }
    return rows;
  }

  /** Weekly pattern with a different level per store and a slow trend: what trees learn easily. */
  public static double weekly(long store, LocalDate day, int index) {
    double[] week = {0.8, 0.9, 1.0, 1.0, 1.2, 1.6, 1.4};
    return (100 * store + index * 0.5) * week[day.getDayOfWeek().getValue() - 1];
  }

  private static double at(Map<LocalDate, Double> seen, LocalDate day, int back) {
    return seen.getOrDefault(day.minusDays(back), 0.0);
  }

  private static double sum(Map<LocalDate, Double> seen, LocalDate day, int n) {
    double total = 0;
    for (int back = 1; back <= n; back++) {
      total += at(seen, day, back);
    }
    return total;
  }
}
