package io.suqi.orchestrator.classify;

import static org.assertj.core.api.Assertions.assertThat;

import io.suqi.schemas.Intent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class KeywordIntentClassifierTest {

  private final IntentClassifier classifier = new KeywordIntentClassifier();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      What were the top 5 stores by revenue last week?          | ANALYTICS
      How many units did we sell per store in March?            | ANALYTICS
      Average basket size and margin by category                | ANALYTICS
      Forecast sales for next month                             | ML
      Forecast revenue by store for next quarter                | ML
      Which customers are likely to churn?                      | ML
      Train a model to predict demand                           | ML
      What is our return policy?                                | RAG
      How do I process a refund according to the handbook?     | RAG
      Define shrinkage as used in our procedures                | RAG
      Should we run a promotion against our competitor pricing? | RETAIL
      Which products need a markdown to clear the assortment?   | RETAIL
      Who can access customer PII?                              | SECURITY
      Show the audit log of failed logins for the admin role    | SECURITY
      """)
  void classifies_questions_of_each_domain(String question, Intent expected) {
    // When
    Classification classification = classifier.classify(question);

    // Then
    assertThat(classification.intent()).isEqualTo(expected);
    assertThat(classification.confidence()).isBetween(0.3, 1.0);
  }

  @Test
  void a_question_matching_nothing_is_general_with_no_confidence() {
    // When
    Classification classification = classifier.classify("Tell me a joke about penguins");

    // Then
    assertThat(classification).isEqualTo(new Classification(Intent.GENERAL, 0.0));
  }

  @Test
  void blank_or_missing_text_is_general() {
    assertThat(classifier.classify("  ").intent()).isEqualTo(Intent.GENERAL);
    assertThat(classifier.classify(null).intent()).isEqualTo(Intent.GENERAL);
  }

  @Test
  void more_evidence_gives_more_confidence() {
    // Given
    double oneKeyword = classifier.classify("revenue").confidence();
    double manyKeywords = classifier.classify("top stores by revenue, units and margin").confidence();

    // Then
    assertThat(manyKeywords).isGreaterThan(oneKeyword);
  }

  @Test
  void competing_intents_lower_confidence() {
    // Given: "forecast" (ML) competes with "revenue by store" (analytics)
    Classification clear = classifier.classify("forecast demand for next month");
    Classification mixed = classifier.classify("forecast revenue by store");

    // Then: the task verb wins, less surely
    assertThat(mixed.intent()).isEqualTo(Intent.ML);
    assertThat(mixed.confidence()).isLessThan(clear.confidence());
  }

  @Test
  void matching_ignores_case_punctuation_and_plural_forms() {
    assertThat(classifier.classify("FORECASTING!!!").intent()).isEqualTo(Intent.ML);
    assertThat(classifier.classify("policies?").intent()).isEqualTo(Intent.RAG);
    assertThat(classifier.classify("permissions").intent()).isEqualTo(Intent.SECURITY);
  }
}
