package io.suqi.demo;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/** Picks one of a fixed list of options with probability proportional to its weight. */
final class WeightedChoice<T> {

  private final List<T> options;
  private final double[] cumulativeWeights;

  private WeightedChoice(List<T> options, double[] cumulativeWeights) {
    this.options = options;
    this.cumulativeWeights = cumulativeWeights;
  }

  static <T> WeightedChoice<T> of(List<T> options, ToDoubleFunction<T> weight) {
    if (options.isEmpty()) {
      throw new IllegalArgumentException("nothing to choose from");
    }
    double[] cumulative = new double[options.size()];
    double sum = 0;
    for (int i = 0; i < options.size(); i++) {
      double w = weight.applyAsDouble(options.get(i));
      if (w < 0) {
        throw new IllegalArgumentException("negative weight for " + options.get(i));
      }
      sum += w;
      cumulative[i] = sum;
    }
    if (sum <= 0) {
      throw new IllegalArgumentException("all weights are zero");
    }
    return new WeightedChoice<>(List.copyOf(options), cumulative);
  }

  T pick(SplittableRandom random) {
    double target = random.nextDouble() * cumulativeWeights[cumulativeWeights.length - 1];
    // The first option whose cumulative weight exceeds the target (zero weights are never chosen).
    int low = 0;
    int high = cumulativeWeights.length - 1;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (cumulativeWeights[middle] > target) {
        high = middle;
      } else {
        low = middle + 1;
      }
    }
    return options.get(low);
  }

  /** The weighted mean of some property of the options, e.g. the mean basket size. */
  double mean(ToDoubleFunction<T> value) {
    double total = 0;
    double previous = 0;
    for (int i = 0; i < options.size(); i++) {
      total += value.applyAsDouble(options.get(i)) * (cumulativeWeights[i] - previous);
      previous = cumulativeWeights[i];
    }
    return total / previous;
  }
}
