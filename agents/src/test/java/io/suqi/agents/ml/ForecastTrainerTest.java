package io.suqi.agents.ml;

import static org.assertj.core.api.Assertions.assertThat;

import io.suqi.agents.ml.serving.Forecaster;
import io.suqi.agents.ml.training.ForecastTrainer;
import io.suqi.agents.ml.training.GradientBoostedTrees;
import io.suqi.agents.ml.training.StoreDay;
import io.suqi.agents.ml.training.TrainingOutcome;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The deploy-or-tune rule end to end over a known series, with the real XGBoost. */
class ForecastTrainerTest {

  private static final LocalDate FIRST = LocalDate.of(2025, 6, 2);

  @Test
  void promotesTheDefaultCandidateWhenItBeatsTheBaseline() {
    // a trend makes last week's value systematically low: the trees, seeing 1- and 28-day lags, do better
    List<StoreDay> rows = SyntheticSeries.of(3, FIRST, 200, SyntheticSeries::weekly);
    List<String> stages = new ArrayList<>();
    TrainingOutcome outcome = new ForecastTrainer(28, 3, 42).train(rows, Optional.empty(),
        (stage, pct, msg) -> stages.add(stage));

    assertThat(outcome.promoted()).isTrue();
    assertThat(outcome.candidates()).hasSize(1);
    assertThat(outcome.best().metrics().mape()).isLessThan(outcome.baseline().mape());
    assertThat(stages).doesNotContain("tuning");
  }

  @Test
  void tunesWithinTheBoundWhenTheDefaultDoesNotBeatTheServingModel() {
    List<StoreDay> rows = SyntheticSeries.of(3, FIRST, 200, SyntheticSeries::weekly);
    ForecastTrainer trainer = new ForecastTrainer(28, 3, 42);
    GradientBoostedTrees serving = trainer.train(rows, Optional.empty(), (s, p, m) -> {}).best().model();

    // the serving model is the same default candidate: the new default ties it, so it is not better
    TrainingOutcome outcome = trainer.train(rows, Optional.of(serving), (s, p, m) -> {});

    assertThat(outcome.candidates()).hasSize(1 + 3);
    assertThat(outcome.candidates().stream().filter(TrainingOutcome.Candidate::promoted).count())
        .isLessThanOrEqualTo(1);
    assertThat(outcome.decision()).isEqualTo(outcome.best().decision());
  }

  @Test
  void aSerializedModelPredictsTheSameAndForecastsAhead() {
    List<StoreDay> rows = SyntheticSeries.of(2, FIRST, 120, SyntheticSeries::weekly);
    GradientBoostedTrees model = new ForecastTrainer(28, 1, 7).train(rows, Optional.empty(), (s, p, m) -> {})
        .best().model();
    GradientBoostedTrees loaded = GradientBoostedTrees.fromBytes(model.toBytes());
    assertThat(loaded.predict(rows.subList(60, 70))).containsExactly(model.predict(rows.subList(60, 70)));

    List<StoreDay> store2 = rows.stream().filter(r -> r.storeId() == 2).toList();
    List<Forecaster.DayForecast> next = Forecaster.forecast(loaded, store2, 28);
    assertThat(next).hasSize(28);
    assertThat(next.get(0).day()).isEqualTo(FIRST.plusDays(120));
    assertThat(next).allMatch(d -> d.revenue() > 0);
    assertThat(loaded.importance()).containsKey("revenue_lag_7d");
  }
}
