package io.suqi.orchestrator.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.suqi.schemas.Intent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SemanticGateTest {

  private static final Optional<Classification> SURE_ML = Optional.of(new Classification(Intent.ML, 0.95));
  private static final Optional<Classification> UNSURE_ML = Optional.of(new Classification(Intent.ML, 0.55));
  private static final Optional<Classification> SEMANTIC_ANALYTICS =
      Optional.of(new Classification(Intent.ANALYTICS, 0.8));

  @Test
  void a_sure_guess_by_terms_stands_and_an_unsure_one_is_decided_by_the_semantic_model() {
    SemanticGate gate = new SemanticGate(0.7);

    assertThat(gate.decide(SURE_ML, SEMANTIC_ANALYTICS)).isEqualTo(SURE_ML);
    assertThat(gate.decide(UNSURE_ML, SEMANTIC_ANALYTICS)).isEqualTo(SEMANTIC_ANALYTICS);
    assertThat(gate.decide(Optional.empty(), SEMANTIC_ANALYTICS)).as("no known term").isEmpty();
  }

  @Test
  void tuning_takes_the_lowest_gate_that_scores_as_well_as_the_best() {
    // Given out-of-fold guesses where the terms are right when sure (0.95) and wrong when unsure
    // (0.65), and the semantic model is always right
    List<CrossValidation.Guesses> guesses = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      guesses.add(guesses(Intent.ML, new Classification(Intent.ML, 0.95), new Classification(Intent.ML, 0.9)));
      guesses.add(guesses(Intent.ML, new Classification(Intent.ANALYTICS, 0.65), new Classification(Intent.ML, 0.9)));
      guesses.add(guesses(Intent.GENERAL, new Classification(Intent.GENERAL, 0.9),
          new Classification(Intent.GENERAL, 0.9)));
    }

    // When
    SemanticGate.Tuned tuned = SemanticGate.tune(guesses);

    // Then 0.7 is the first candidate that sends every wrong guess to the semantic model; 0.8 and
    // higher score no better and would embed as many questions or more
    assertThat(tuned.gate().value()).isEqualTo(0.7);
    assertThat(tuned.score()).isEqualTo(2.0);
  }

  @Test
  void a_gate_outside_zero_and_one_is_refused() {
    assertThatThrownBy(() -> new SemanticGate(1.5)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("within [0, 1]");
  }

  private static CrossValidation.Guesses guesses(Intent truth, Classification byTerms, Classification semantic) {
    return new CrossValidation.Guesses(new LabelledQuestion(truth, "q"), Optional.of(byTerms), Optional.of(semantic));
  }
}
