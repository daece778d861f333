package io.suqi.agents.ml.training;

import java.util.List;

/**
 * Accuracy over a test period. MAPE (percent) skips days whose actual revenue is zero (a store
 * closed), where a percentage error is undefined; RMSE counts every day.
 */
public record ForecastMetrics(double mape, double rmse, int days) {

  public static ForecastMetrics of(double[] actual, double[] predicted) {
    if (actual.length != predicted.length || actual.length == 0) {
      throw new IllegalArgumentException("need as many predictions as actuals, and at least one: "
          + actual.length + " vs " + predicted.length);
    }
    double absPct = 0;
    int counted = 0;
    double squared = 0;
    for (int i = 0; i < actual.length; i++) {
      double error = predicted[i] - actual[i];
      squared += error * error;
      if (actual[i] != 0) {
        absPct += Math.abs(error / actual[i]);
        counted++;
      }
    }
    double mape = counted == 0 ? Double.NaN : 100 * absPct / counted;
    return new ForecastMetrics(mape, Math.sqrt(squared / actual.length), actual.length);
  }

  public static double[] actuals(List<StoreDay> rows) {
    return rows.stream().mapToDouble(StoreDay::revenue).toArray();
  }

  /** True when this is strictly better than the other (lower MAPE; RMSE breaks a tie). */
  public boolean beats(ForecastMetrics other) {
    return mape < other.mape || (mape == other.mape && rmse < other.rmse);
  }
}
