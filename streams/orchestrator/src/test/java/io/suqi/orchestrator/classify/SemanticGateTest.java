package io.suqi.orchestrator.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.suqi.schemas.Intent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SemanticGateTest {

  @Test
  void a_sure_guess_by_terms_stands_and_an_unsure_one_is_decided_by_the_semantic_model() {
    SemanticGate gate = new SemanticGate(0.7, 0.0);

    assertThat(gate.decide(sure(Intent.ML), () -> likely(Intent.ANALYTICS)))
        .contains(new Classification(Intent.ML, 0.95));
    assertThat(gate.decide(unsure(Intent.ML), () -> likely(Intent.ANALYTICS)))
        .contains(new Classification(Intent.ANALYTICS, 0.8));
    assertThat(gate.decide(Optional.empty(), () -> likely(Intent.ANALYTICS))).as("no known term").isEmpty();
  }

  @Test
  void below_the_gate_the_terms_count_as_much_as_their_weight() {
    // Given terms unsure of ML (0.65) and the semantic model leaning to analytics (0.55 against 0.35 for ML)
    Optional<double[]> byTerms = probabilities(Intent.ML, 0.65, Intent.ANALYTICS, 0.35);
    Optional<double[]> semantic = probabilities(Intent.ANALYTICS, 0.55, Intent.ML, 0.45);

    // Then with no weight the semantic model decides; with half, ML is 0.55 against 0.45
    assertThat(new SemanticGate(0.9, 0.0).decide(byTerms, () -> semantic).orElseThrow().intent())
        .isEqualTo(Intent.ANALYTICS);
    Classification blended = new SemanticGate(0.9, 0.5).decide(byTerms, () -> semantic).orElseThrow();
    assertThat(blended.intent()).isEqualTo(Intent.ML);
    assertThat(blended.confidence()).isCloseTo(0.55, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void tuning_takes_the_lowest_gate_and_weight_that_score_as_well_as_the_best() {
    // Given out-of-fold guesses where the terms are right when sure (0.95) and wrong when unsure
    // (0.65), and the semantic model is always right
    List<CrossValidation.Guesses> guesses = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      guesses.add(guesses(Intent.ML, sure(Intent.ML), likely(Intent.ML)));
      guesses.add(guesses(Intent.ML, unsure(Intent.ANALYTICS), likely(Intent.ML)));
      guesses.add(guesses(Intent.GENERAL, sure(Intent.GENERAL), likely(Intent.GENERAL)));
    }

    // When
    SemanticGate.Tuned tuned = SemanticGate.tune(guesses);

    // Then 0.7 is the first candidate that sends every wrong guess to the semantic model; 0.8 and
    // higher score no better and would embed as many questions or more; no weight is needed
    assertThat(tuned.gate()).isEqualTo(new SemanticGate(0.7, 0.0));
    assertThat(tuned.score()).isEqualTo(2.0);
  }

  @Test
  void a_gate_or_weight_outside_zero_and_one_is_refused() {
    assertThatThrownBy(() -> new SemanticGate(1.5, 0.0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gate must be within [0, 1]");
    assertThatThrownBy(() -> new SemanticGate(0.9, -0.1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("terms weight must be within [0, 1]");
  }

  private static Optional<double[]> sure(Intent intent) {
    return probabilities(intent, 0.95, other(intent), 0.05);
  }

  private static Optional<double[]> unsure(Intent intent) {
    return probabilities(intent, 0.65, other(intent), 0.35);
  }

  private static Optional<double[]> likely(Intent intent) {
    return probabilities(intent, 0.8, other(intent), 0.2);
  }

  private static Intent other(Intent intent) {
    return intent == Intent.RETAIL ? Intent.RAG : Intent.RETAIL;
  }

  private static Optional<double[]> probabilities(Intent first, double p, Intent second, double q) {
    double[] byIntent = new double[Intent.values().length];
    byIntent[first.ordinal()] = p;
    byIntent[second.ordinal()] = q;
    return Optional.of(byIntent);
  }

  private static CrossValidation.Guesses guesses(Intent truth, Optional<double[]> byTerms, Optional<double[]> semantic) {
    return new CrossValidation.Guesses(new LabelledQuestion(truth, "q"), byTerms, semantic);
  }
}
