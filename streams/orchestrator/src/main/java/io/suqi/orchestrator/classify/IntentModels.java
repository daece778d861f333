package io.suqi.orchestrator.classify;

import java.util.Locale;

/** Which models classify: a choice between accuracy on unfamiliar wording and questions per second. */
public enum IntentModels {

  /** The TF-IDF terms model alone: about 0.01 ms a question, and less sure of wordings it never saw. */
  TERMS,
  /**
   * The terms model, and below its cross-validated gate the semantic model with the question's
   * sentence embedding: about 2 ms for each question that reaches it (most, on the shipped data).
   */
  HYBRID;

  /** As written on the command line: {@code terms} or {@code hybrid}. */
  public String flagValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
