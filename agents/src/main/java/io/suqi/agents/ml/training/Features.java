package io.suqi.agents.ml.training;

import java.util.List;

/** The model's inputs, in the order of its feature vector. */
public final class Features {

  public static final List<String> NAMES = List.of("revenue_lag_1d", "revenue_lag_7d", "revenue_lag_28d",
      "revenue_7d", "revenue_28d", "day_of_week", "month", "is_holiday");

  private Features() {}

  public static float[] of(StoreDay row) {
    return new float[] {(float) row.revenueLag1d(), (float) row.revenueLag7d(), (float) row.revenueLag28d(),
        (float) row.revenue7d(), (float) row.revenue28d(), row.dayOfWeek(), row.month(), row.holiday() ? 1 : 0};
  }

  /** Row-major matrix of many rows. */
  public static float[] matrix(List<StoreDay> rows) {
    float[] data = new float[rows.size() * NAMES.size()];
    for (int i = 0; i < rows.size(); i++) {
      System.arraycopy(of(rows.get(i)), 0, data, i * NAMES.size(), NAMES.size());
    }
    return data;
  }
}
