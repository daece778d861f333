package io.suqi.orchestrator.classify;

import static org.assertj.core.api.Assertions.assertThat;

import io.suqi.schemas.Intent;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class IntentDataSetTest {

  private final List<LabelledQuestion> training = IntentDataSet.training();
  private final List<LabelledQuestion> heldOut = IntentDataSet.heldOut();

  @Test
  void every_intent_has_at_least_80_questions_and_some_held_out() {
    Map<Intent, Long> all = countByIntent(training);
    countByIntent(heldOut).forEach((intent, n) -> all.merge(intent, n, Long::sum));
    for (Intent intent : Intent.values()) {
      assertThat(all.getOrDefault(intent, 0L)).as(intent.name()).isGreaterThanOrEqualTo(80);
      assertThat(countByIntent(heldOut).getOrDefault(intent, 0L)).as(intent.name() + " held out")
          .isGreaterThanOrEqualTo(15);
    }
  }

  @Test
  void no_held_out_question_is_also_a_training_question() {
    // Given
    Set<String> trainingTexts = training.stream().map(q -> normalised(q.question())).collect(Collectors.toSet());

    // Then
    assertThat(heldOut).noneMatch(q -> trainingTexts.contains(normalised(q.question())));
  }

  @Test
  void no_question_appears_twice() {
    List<String> texts = java.util.stream.Stream.concat(training.stream(), heldOut.stream())
        .map(q -> normalised(q.question())).toList();
    assertThat(texts).doesNotHaveDuplicates();
  }

  private static Map<Intent, Long> countByIntent(List<LabelledQuestion> questions) {
    return questions.stream().collect(Collectors.groupingBy(LabelledQuestion::intent, Collectors.counting()));
  }

  /** Case, punctuation and spacing do not make two questions different. */
  private static String normalised(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }
}
