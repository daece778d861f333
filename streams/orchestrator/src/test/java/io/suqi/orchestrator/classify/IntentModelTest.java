package io.suqi.orchestrator.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IntentModelTest {

  @Test
  void scores_every_question_as_tribuos_own_predict_does() {
    // Given
    IntentModel model = IntentModel.train(IntentDataSet.training(), IntentModelTrainer.SEED);
    List<String> questions = new ArrayList<>();
    IntentDataSet.training().forEach(q -> questions.add(q.question()));
    IntentDataSet.heldOut().forEach(q -> questions.add(q.question()));
    questions.addAll(List.of("revenu by stor lst wek", "zzqxj vvbnm", "???", "what is the weather in Paris"));

    for (String question : questions) {
      // When
      Optional<Classification> scored = model.mostProbable(question);
      Optional<Classification> byTribuo = model.mostProbableByTribuo(question);

      // Then
      assertThat(scored.isPresent()).as(question).isEqualTo(byTribuo.isPresent());
      if (scored.isPresent()) {
        assertThat(scored.get().intent()).as(question).isEqualTo(byTribuo.get().intent());
        assertThat(scored.get().confidence()).as(question).isCloseTo(byTribuo.get().confidence(), within(1e-9));
      }
    }
  }
}
