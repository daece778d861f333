package io.suqi.agents.ml.monitoring;

import io.suqi.agents.ml.training.Features;
import io.suqi.agents.ml.training.ForecastMetrics;
import io.suqi.agents.ml.training.GradientBoostedTrees;
import io.suqi.agents.ml.training.StoreDay;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the serving model does since it was trained: its error on the actuals of days after its
 * test period, and each feature's drift (PSI) from the training period to those days.
 */
public record ModelHealth(int recentDays, Optional<ForecastMetrics> recentError, Map<String, Double> drift) {

  public static final double DRIFT_ALERT = 0.25;

  public static ModelHealth of(GradientBoostedTrees model, List<StoreDay> rows, LocalDate trainTo, LocalDate testTo) {
    List<StoreDay> training = rows.stream().filter(r -> !r.day().isAfter(trainTo)).toList();
    List<StoreDay> recent = rows.stream().filter(r -> r.day().isAfter(testTo)).toList();
    Optional<ForecastMetrics> error = recent.isEmpty() ? Optional.empty()
        : Optional.of(ForecastMetrics.of(ForecastMetrics.actuals(recent), model.predict(recent)));
    Map<String, Double> drift = new LinkedHashMap<>();
    if (!recent.isEmpty()) {
      for (int f = 0; f < Features.NAMES.size(); f++) {
        drift.put(Features.NAMES.get(f), PopulationStability.psi(column(training, f), column(recent, f)));
      }
    }
    return new ModelHealth(recent.stream().map(StoreDay::day).distinct().toList().size(), error, drift);
  }

  public boolean drifting() {
    return drift.values().stream().anyMatch(psi -> psi > DRIFT_ALERT);
  }

  private static double[] column(List<StoreDay> rows, int feature) {
    return rows.stream().mapToDouble(r -> Features.of(r)[feature]).toArray();
  }
}
