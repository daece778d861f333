package io.suqi.orchestrator.classify;

import static org.assertj.core.api.Assertions.assertThat;

import io.suqi.schemas.Intent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassificationMemoTest {

  /** Answers by the question's length and notes every question it was asked. */
  private final List<String> asked = new ArrayList<>();
  private final IntentClassifier counting = question -> {
    asked.add(question);
    return new Classification(question.length() % 2 == 0 ? Intent.ANALYTICS : Intent.ML, 0.9);
  };

  @Test
  void a_question_asked_again_is_answered_from_memory() {
    // Given
    ClassificationMemo memo = new ClassificationMemo(counting, 10);

    // When
    Classification first = memo.classify("total sales last week");
    Classification again = memo.classify("total sales last week");

    // Then
    assertThat(again).isEqualTo(first);
    assertThat(asked).containsExactly("total sales last week");
  }

  @Test
  void a_question_that_differs_only_in_its_numbers_is_answered_from_memory() {
    // Given
    ClassificationMemo memo = new ClassificationMemo(counting, 10);

    // When
    Classification first = memo.classify("revenue of store 12 last month");
    Classification another = memo.classify("revenue of store 3712 last month");

    // Then the classifier was asked once, for the shape both share
    assertThat(another).isEqualTo(first);
    assertThat(asked).containsExactly("revenue of store 10 last month");
  }

  @Test
  void the_least_recently_asked_question_leaves_first() {
    // Given a memo of two, where "a" was asked more recently than "b"
    ClassificationMemo memo = new ClassificationMemo(counting, 2);
    memo.classify("b");
    memo.classify("a");

    // When a third question arrives, then "a" and "b" are asked again
    memo.classify("c");
    memo.classify("a");
    memo.classify("b");

    // Then "b" had left, "a" had not
    assertThat(asked).containsExactly("b", "a", "c", "b");
  }

  @Test
  void a_very_long_or_missing_question_is_classified_each_time_and_not_kept() {
    // Given
    ClassificationMemo memo = new ClassificationMemo(counting, 10);
    String long_ = "x".repeat(ClassificationMemo.MAX_REMEMBERED_LENGTH + 1);

    // When
    memo.classify(long_);
    memo.classify(long_);

    // Then
    assertThat(asked).hasSize(2);
  }
}
