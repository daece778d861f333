package io.suqi.orchestrator.classify;

import static org.assertj.core.api.Assertions.assertThat;

import io.suqi.schemas.Intent;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TrainedIntentClassifierTest {

  private final TrainedIntentClassifier classifier = TrainedIntentClassifier.shipped();

  @Test
  void meets_the_issue_targets_on_the_held_out_split() {
    // Given
    List<LabelledQuestion> heldOut = IntentDataSet.heldOut();

    // When
    HeldOutScore score = new HeldOutScore(classifier, heldOut);

    // Then
    assertThat(score.inScopeAccuracy()).as("in-scope accuracy").isGreaterThanOrEqualTo(0.95);
    assertThat(score.outOfScopeRecall()).as("out-of-scope recall").isGreaterThanOrEqualTo(0.80);
  }

  @Test
  void the_terms_model_alone_meets_the_targets_too_and_embeds_nothing() {
    // Given
    TrainedIntentClassifier termsAlone = TrainedIntentClassifier.shipped(IntentModels.TERMS);
    List<LabelledQuestion> heldOut = IntentDataSet.heldOut();

    // When
    HeldOutScore score = new HeldOutScore(termsAlone, heldOut);

    // Then
    assertThat(termsAlone.models()).isEqualTo(IntentModels.TERMS);
    assertThat(score.inScopeAccuracy()).as("in-scope accuracy").isGreaterThanOrEqualTo(0.95);
    assertThat(score.outOfScopeRecall()).as("out-of-scope recall").isGreaterThanOrEqualTo(0.80);
    assertThat(heldOut).noneMatch(q -> termsAlone.asksSemanticModel(q.question()));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      // Each misclassified by the TF-IDF terms alone (as analytics, retail and general)
      "ML | segment our shoppers by purchase behaviour",
      "RAG | according to our docs, how often should fridges be cleaned",
      "RETAIL | how can I reduce queues at the checkout on Saturdays"})
  void a_question_worded_unlike_the_training_questions_is_decided_by_its_meaning(Intent intent, String question) {
    // When
    Classification classification = classifier.classify(question);

    // Then
    assertThat(classifier.asksSemanticModel(question)).isTrue();
    assertThat(classification.intent()).isEqualTo(intent);
  }

  @Test
  void every_confidence_is_within_zero_and_one() {
    for (LabelledQuestion q : IntentDataSet.heldOut()) {
      assertThat(classifier.classify(q.question()).confidence()).as(q.question()).isBetween(0.0, 1.0);
    }
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "???", "%%%%", "zzqxj vvbnm", "\u0000\u0001", "🙂🙂🙂"})
  void missing_empty_or_garbage_text_is_general_without_throwing(String question) {
    // When
    Classification classification = classifier.classify(question);

    // Then
    assertThat(classification.intent()).isEqualTo(Intent.GENERAL);
  }

  @Test
  void a_very_long_question_is_still_classified() {
    // Given
    String question = "What were total sales by store last week? ".repeat(2_000);

    // When
    Classification classification = classifier.classify(question);

    // Then
    assertThat(classification.intent()).isEqualTo(Intent.ANALYTICS);
  }

  @Test
  void training_is_deterministic() {
    // When
    TrainedIntentClassifier again = IntentModelTrainer.train(IntentDataSet.training());

    // Then
    assertThat(again.threshold()).isEqualTo(classifier.threshold());
    assertThat(again.gate()).isEqualTo(classifier.gate());
    assertThat(again.termsWeight()).isEqualTo(classifier.termsWeight());
    for (LabelledQuestion q : IntentDataSet.heldOut()) {
      assertThat(again.classify(q.question())).as(q.question()).isEqualTo(classifier.classify(q.question()));
    }
  }

  @Test
  void is_safe_to_share_between_threads() throws InterruptedException {
    // Given
    List<LabelledQuestion> heldOut = IntentDataSet.heldOut();
    List<Classification> expected = heldOut.stream().map(q -> classifier.classify(q.question())).toList();
    List<Throwable> failures = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

    // When
    Thread[] threads = new Thread[4];
    for (int t = 0; t < threads.length; t++) {
      threads[t] = new Thread(() -> {
        for (int round = 0; round < 20; round++) {
          for (int i = 0; i < heldOut.size(); i++) {
            if (!classifier.classify(heldOut.get(i).question()).equals(expected.get(i))) {
              failures.add(new AssertionError("different answer for " + heldOut.get(i).question()));
            }
          }
        }
      });
      threads[t].start();
    }
    for (Thread thread : threads) {
      thread.join();
    }

    // Then
    assertThat(failures).isEmpty();
  }
}
