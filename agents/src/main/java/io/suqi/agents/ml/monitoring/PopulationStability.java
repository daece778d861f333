package io.suqi.agents.ml.monitoring;

import java.util.Arrays;

/**
 * Population stability index of a feature: how far its recent distribution moved from training,
 * over ten bins cut at the training deciles. Below 0.1 stable, 0.1–0.25 some drift, above 0.25 drift.
 */
public final class PopulationStability {

  private static final int BINS = 10;
  private static final double FLOOR = 1e-4; // an empty bin would make the log infinite

  private PopulationStability() {}

  public static double psi(double[] training, double[] recent) {
    if (training.length == 0 || recent.length == 0) {
      return Double.NaN;
    }
    double[] sorted = training.clone();
    Arrays.sort(sorted);
    double[] edges = new double[BINS - 1];
    for (int i = 1; i < BINS; i++) {
      edges[i - 1] = sorted[(int) ((long) i * (sorted.length - 1) / BINS)];
    }
    double[] expected = shares(training, edges);
    double[] actual = shares(recent, edges);
    double psi = 0;
    for (int i = 0; i < BINS; i++) {
      double e = Math.max(expected[i], FLOOR);
      double a = Math.max(actual[i], FLOOR);
      psi += (a - e) * Math.log(a / e);
    }
    return psi;
  }

  private static double[] shares(double[] values, double[] edges) {
    double[] counts = new double[BINS];
    for (double v : values) {
      int bin = 0;
      while (bin < edges.length && v > edges[bin]) {
        bin++;
      }
      counts[bin]++;
    }
    for (int i = 0; i < BINS; i++) {
      counts[i] /= values.length;
    }
    return counts;
  }
}
