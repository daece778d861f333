package io.suqi.agents.ml.training;

import java.util.ArrayList;
import java.util.List;

/**
 * The bounded hyperparameter search run when the default candidate is not promoted: a fixed grid
 * walked in order, at most {@code limit} candidates, so a tuning run costs a known amount.
 */
public final class SearchSpace {

  public static final int DEFAULT_LIMIT = 4;
  public static final int MOST_CANDIDATES = 8;

  private static final int[] DEPTHS = {3, 6, 2, 8};
  private static final double[] RATES = {0.05, 0.2};
  private static final int[] ROUNDS = {400, 150};

  private SearchSpace() {}

  public static List<Hyperparameters> candidates(int limit) {
    if (limit < 1 || limit > MOST_CANDIDATES) {
      throw new IllegalArgumentException("a search tries 1.." + MOST_CANDIDATES + " candidates, was " + limit);
    }
    List<Hyperparameters> all = new ArrayList<>();
    for (int d = 0; d < DEPTHS.length && all.size() < limit; d++) {
      for (int r = 0; r < RATES.length && all.size() < limit; r++) {
        all.add(new Hyperparameters(DEPTHS[d], RATES[r], ROUNDS[r], 0.9));
      }
    }
    return List.copyOf(all);
  }
}
