package io.suqi.agents.ml.training;

import io.suqi.agents.ml.registry.PromotionRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Deploy or tune, without I/O: trains the default candidate and applies the promotion rule; if it
 * is not promoted, tries a bounded search and applies the same rule to its best.
 */
public final class ForecastTrainer {

  private final int testDays;
  private final int searchLimit;
  private final long seed;

  public ForecastTrainer(int testDays, int searchLimit, long seed) {
    this.testDays = testDays;
    this.searchLimit = searchLimit;
    this.seed = seed;
    SearchSpace.candidates(searchLimit); // validates the bound at construction
  }

  /** @param serving the serving model's predictions of any rows, to evaluate it on the same test period */
  public TrainingOutcome train(List<StoreDay> rows, Optional<GradientBoostedTrees> serving, JobProgress progress) {
    TimeSplit split = TimeSplit.of(rows, testDays);
    double[] actual = ForecastMetrics.actuals(split.test());
    ForecastMetrics baseline = ForecastMetrics.of(actual, SeasonalNaive.predict(split.test()));
    Optional<ForecastMetrics> servingMetrics = serving.map(m -> ForecastMetrics.of(actual, m.predict(split.test())));
    progress.report("training", 20, "training on " + split.train().size() + " store-days, testing on "
        + split.testFrom() + " to " + split.testTo());
    List<TrainingOutcome.Candidate> tried = new ArrayList<>();
    TrainingOutcome.Candidate first = evaluate(split, Hyperparameters.DEFAULT, actual, baseline, servingMetrics);
    tried.add(first);
    if (first.promoted()) {
      return new TrainingOutcome(baseline, tried, first, true, first.decision(), split);
    }
    List<Hyperparameters> grid = SearchSpace.candidates(searchLimit);
    for (int i = 0; i < grid.size(); i++) {
      progress.report("tuning", 35 + 55 * i / grid.size(), "default candidate " + first.decision()
          + "; tuning candidate " + (i + 1) + " of " + grid.size());
      tried.add(evaluate(split, grid.get(i), actual, baseline, servingMetrics));
    }
    TrainingOutcome.Candidate best = tried.stream()
        .min(Comparator.comparingDouble((TrainingOutcome.Candidate c) -> c.metrics().mape())).orElseThrow();
    // the rule's verdict on each candidate is the same test; promote only the best one that passed
    List<TrainingOutcome.Candidate> recorded = tried.stream()
        .map(c -> c == best ? c : new TrainingOutcome.Candidate(c.parameters(), c.metrics(), c.model(), false,
            c.promoted() ? "not promoted: a better candidate of the search was" : c.decision()))
        .toList();
    return new TrainingOutcome(baseline, recorded, best, best.promoted(), best.decision(), split);
  }

  private TrainingOutcome.Candidate evaluate(TimeSplit split, Hyperparameters parameters, double[] actual,
      ForecastMetrics baseline, Optional<ForecastMetrics> serving) {
    GradientBoostedTrees model = GradientBoostedTrees.train(split.train(), parameters, seed);
    ForecastMetrics metrics = ForecastMetrics.of(actual, model.predict(split.test()));
    PromotionRule.Decision decision = PromotionRule.decide(metrics, baseline, serving);
    return new TrainingOutcome.Candidate(parameters, metrics, model, decision.promote(), decision.reason());
  }
}
