package io.suqi.agents.ml.training;

import java.util.List;

/** The baseline: a day's revenue is the same store's revenue on the same weekday last week. */
public final class SeasonalNaive {

  private SeasonalNaive() {}

  public static double predict(StoreDay row) {
    return row.revenueLag7d();
  }

  public static double[] predict(List<StoreDay> rows) {
    return rows.stream().mapToDouble(SeasonalNaive::predict).toArray();
  }
}
