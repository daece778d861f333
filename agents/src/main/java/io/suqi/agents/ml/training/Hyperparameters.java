package io.suqi.agents.ml.training;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a gradient-boosted trees candidate is trained with. */
public record Hyperparameters(int maxDepth, double learningRate, int rounds, double subsample) {

  public static final Hyperparameters DEFAULT = new Hyperparameters(4, 0.1, 200, 0.8);

  public Hyperparameters {
    if (maxDepth < 1 || maxDepth > 12) {
      throw new IllegalArgumentException("maxDepth must be 1..12, was " + maxDepth);
    }
    if (!(learningRate > 0 && learningRate <= 1)) {
      throw new IllegalArgumentException("learningRate must be in (0, 1], was " + learningRate);
    }
    if (rounds < 1 || rounds > 2000) {
      throw new IllegalArgumentException("rounds must be 1..2000, was " + rounds);
    }
    if (!(subsample > 0 && subsample <= 1)) {
      throw new IllegalArgumentException("subsample must be in (0, 1], was " + subsample);
    }
  }

  public Map<String, Object> asMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("max_depth", maxDepth);
    map.put("learning_rate", learningRate);
    map.put("rounds", rounds);
    map.put("subsample", subsample);
    return map;
  }
}
