package io.suqi.orchestrator.classify;

import io.suqi.schemas.Intent;
import java.util.Objects;
import java.util.Optional;

/**
 * Classifies with two models trained on the labelled questions: the TF-IDF model
 * ({@link IntentModel}, microseconds) decides when it is at least {@link SemanticGate} sure;
 * otherwise the semantic model ({@link SemanticIntentModel}: the same terms plus the question's
 * sentence embedding, about 2 ms) decides, the terms model's probabilities weighed in as the gate
 * says. A guess less probable than the cross-validated
 * {@link ConfidenceThreshold} is out of scope, as is a question with no term the models know.
 * Confidence is the deciding probability of the intent it answers; for an in-scope guess
 * turned down, the chance that guess was wrong. Numbers do not change the intent: both models see
 * the question's {@link QuestionShape}.
 *
 * <p>Thread-safe and never throws on text.
 */
public final class TrainedIntentClassifier implements IntentClassifier {

  private final IntentModel byTerms;
  /** Empty for {@link IntentModels#TERMS}: every guess of the terms model stands. */
  private final Optional<Semantic> semantic;
  private final SemanticGate gate;
  private final ConfidenceThreshold threshold;

  /** The semantic model with the embedder that feeds it. */
  record Semantic(SemanticIntentModel model, QuestionEmbedder embedder) {

    Semantic {
      Objects.requireNonNull(model, "model");
      Objects.requireNonNull(embedder, "embedder");
    }

    Optional<double[]> probabilities(String question) {
      return model.probabilities(question, embedder.embed(question));
    }
  }

  TrainedIntentClassifier(IntentModel byTerms, Optional<Semantic> semantic, SemanticGate gate,
      ConfidenceThreshold threshold) {
    this.byTerms = Objects.requireNonNull(byTerms, "byTerms");
    this.semantic = Objects.requireNonNull(semantic, "semantic");
    this.gate = Objects.requireNonNull(gate, "gate");
    this.threshold = Objects.requireNonNull(threshold, "threshold");
  }

  /** {@link #shipped(IntentModels)} with both models. */
  public static TrainedIntentClassifier shipped() {
    return shipped(IntentModels.HYBRID);
  }

  /**
   * Trained once per JVM from the shipped training questions, then shared. Training takes a few
   * seconds (for {@link IntentModels#HYBRID}: embedding the questions, then five cross-validation
   * folds choose the gate and the threshold; for {@link IntentModels#TERMS} about 3 s); the first
   * caller waits for it.
   */
  public static TrainedIntentClassifier shipped(IntentModels models) {
    return switch (models) {
      case TERMS -> ShippedTerms.CLASSIFIER;
      case HYBRID -> Shipped.CLASSIFIER;
    };
  }

  /** Which models this classifier asks. */
  public IntentModels models() {
    return semantic.isPresent() ? IntentModels.HYBRID : IntentModels.TERMS;
  }

  /** The probability below which an in-scope guess is out of scope. */
  public double threshold() {
    return threshold.value();
  }

  /** The TF-IDF model's probability below which the semantic model decides (0 for {@link IntentModels#TERMS}). */
  public double gate() {
    return gate.value();
  }

  /** How much the TF-IDF model's probabilities count when the semantic model decides. */
  public double termsWeight() {
    return gate.termsWeight();
  }

  @Override
  public Classification classify(String question) {
    if (question == null || question.isBlank()) {
      return new Classification(Intent.GENERAL, 1.0);
    }
    Optional<Classification> guess;
    try {
      guess = mostProbable(QuestionShape.of(question));
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

  /** Whether classifying this question takes the semantic model (and its embedding). */
  boolean asksSemanticModel(String question) {
    Optional<Classification> guess = byTerms.mostProbable(QuestionShape.of(question));
    return semantic.isPresent() && guess.isPresent() && !gate.trusts(guess.get());
  }

  /** @param question already in its {@link QuestionShape}, as the models were trained */
  private Optional<Classification> mostProbable(String question) {
    return gate.decide(byTerms.probabilities(question), () -> semantic.flatMap(model -> model.probabilities(question)));
  }

  /** Lazy holder: the first caller trains, later ones share the result. */
  private static final class Shipped {
    static final TrainedIntentClassifier CLASSIFIER =
        IntentModelTrainer.train(IntentDataSet.training(), IntentModels.HYBRID);
  }

  private static final class ShippedTerms {
    static final TrainedIntentClassifier CLASSIFIER =
        IntentModelTrainer.train(IntentDataSet.training(), IntentModels.TERMS);
  }
}
