package io.suqi.agents.ml.training;

import java.util.List;

/** What a training run produced: every candidate tried (with its metrics) and the decision. */
public record TrainingOutcome(ForecastMetrics baseline, List<Candidate> candidates, Candidate best, boolean promoted,
    String decision, TimeSplit split) {

  public record Candidate(Hyperparameters parameters, ForecastMetrics metrics, GradientBoostedTrees model,
      boolean promoted, String decision) {}
}
