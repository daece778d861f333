package io.suqi.orchestrator.classify;

import io.suqi.schemas.Intent;
import java.util.Objects;
import java.util.Optional;

/**
 * Classifies with a model trained on labelled questions ({@link IntentModel}); a guess less probable
 * than the cross-validated {@link ConfidenceThreshold} is out of scope, as is a question with no term
 * the model knows. Confidence is the model's probability of the intent it answers; for an in-scope
 * guess turned down, the chance that guess was wrong.
 *
 * <p>Thread-safe and never throws on text.
 */
public final class TrainedIntentClassifier implements IntentClassifier {

  private final IntentModel model;
  private final ConfidenceThreshold threshold;

  TrainedIntentClassifier(IntentModel model, ConfidenceThreshold threshold) {
    this.model = Objects.requireNonNull(model, "model");
    this.threshold = Objects.requireNonNull(threshold, "threshold");
  }

  /**
   * Trained once per JVM from the shipped training questions, then shared. Training takes a few
   * seconds (five cross-validation models choose the threshold); the first caller waits for it.
   */
  public static TrainedIntentClassifier shipped() {
    return Shipped.CLASSIFIER;
  }

  /** The probability below which an in-scope guess is out of scope. */
  public double threshold() {
    return threshold.value();
  }

  @Override
  public Classification classify(String question) {
    if (question == null || question.isBlank()) {
      return new Classification(Intent.GENERAL, 1.0);
    }
    Optional<Classification> guess;
    try {
      guess = model.mostProbable(question);
    } catch (RuntimeException e) {
      // Never expected; still, a question that cannot be scored must not stop the stream.
      return new Classification(Intent.GENERAL, 0.0);
    }
    if (guess.isEmpty()) {
      return new Classification(Intent.GENERAL, 1.0);
    }
    Classification best = guess.get();
    if (best.intent() != Intent.GENERAL && threshold.rejects(best)) {
      return new Classification(Intent.GENERAL, 1.0 - best.confidence());
    }
    return best;
  }

  /** Lazy holder: the first caller trains, later ones share the result. */
  private static final class Shipped {
    static final TrainedIntentClassifier CLASSIFIER = IntentModelTrainer.train(IntentDataSet.training());
  }
}
