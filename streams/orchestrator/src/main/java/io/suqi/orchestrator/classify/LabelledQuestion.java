package io.suqi.orchestrator.classify;

import io.suqi.schemas.Intent;
import java.util.Objects;

/** A question and the intent a person gave it: one line of the shipped data set. */
public record LabelledQuestion(Intent intent, String question) {

  public LabelledQuestion {
    Objects.requireNonNull(intent, "intent");
    Objects.requireNonNull(question, "question");
  }
}
