package io.suqi.orchestrator.classify;

import io.suqi.schemas.Intent;
import java.util.Objects;

/** What a question asks for, and how sure the classifier is (0 = guess, 1 = certain). */
public record Classification(Intent intent, double confidence) {

  public Classification {
    Objects.requireNonNull(intent, "intent");
    if (!(confidence >= 0.0 && confidence <= 1.0)) {
      throw new IllegalArgumentException("confidence must be within [0, 1], was " + confidence);
    }
  }
}
