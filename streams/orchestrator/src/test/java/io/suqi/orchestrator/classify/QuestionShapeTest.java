package io.suqi.orchestrator.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuestionShapeTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "revenue of store 12 last month | revenue of store 10 last month",
      "top 5 stores by revenue in 2025 | top 10 stores by revenue in 10",
      "compare q3 and q4 revenue | compare q3 and q4 revenue",
      "sku A-1234 margin | sku A-10 margin",
      "12 stores, 3.5 units, 7 | 10 stores, 10.10 units, 10",
      "sku_12 and 12x and 9 | sku_12 and 12x and 10",
      "what is our returns policy | what is our returns policy"})
  void every_number_that_stands_as_a_word_is_written_the_same(String question, String shape) {
    assertThat(QuestionShape.of(question)).isEqualTo(shape);
  }

  @Test
  void a_shape_is_its_own_shape() {
    String shape = QuestionShape.of("forecast sales for store 481 over 3 months");

    assertThat(QuestionShape.of(shape)).isEqualTo(shape);
  }

  @Test
  void a_missing_question_has_no_shape() {
    assertThat(QuestionShape.of(null)).isNull();
  }
}
