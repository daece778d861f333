package io.suqi.orchestrator.classify;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Trains the intent classifier: both models on all training questions; the semantic gate and the
 * confidence threshold by cross-validation on the same questions. The held-out split is never read
 * here. Deterministic: a fixed seed, so the same data set always gives the same classifier.
 *
 * <p>{@link #main} trains from the shipped data set and prints the gate, the threshold and their
 * cross-validated score, for whoever edits the data set (run the class from an IDE, or with
 * {@code java -cp} on the module's test class path). The orchestrator itself trains at first use,
 * so a restart retrains.
 */
public final class IntentModelTrainer {

  static final long SEED = 20250301L;
  static final int FOLDS = 5;

  private IntentModelTrainer() {}

  /** A classifier of both models trained on these questions. */
  public static TrainedIntentClassifier train(List<LabelledQuestion> training) {
    return train(training, IntentModels.HYBRID);
  }

  /** A classifier of these models trained on these questions. */
  public static TrainedIntentClassifier train(List<LabelledQuestion> training, IntentModels models) {
    return trainTuned(training, models).classifier();
  }

  /** The classifier and how its gate and threshold scored in cross-validation. */
  record Trained(TrainedIntentClassifier classifier, SemanticGate.Tuned tuned) {}

  static Trained trainTuned(List<LabelledQuestion> training) {
    return trainTuned(training, IntentModels.HYBRID);
  }

  static Trained trainTuned(List<LabelledQuestion> labelled, IntentModels models) {
    // In the shape the classifier will see questions in.
    List<LabelledQuestion> training = labelled.stream()
        .map(q -> new LabelledQuestion(q.intent(), QuestionShape.of(q.question()))).toList();
    IntentModel byTerms = IntentModel.train(training, SEED);
    if (models == IntentModels.TERMS) {
      SemanticGate.Tuned tuned = SemanticGate.termsAlone(
          CrossValidation.outOfFold(training, Optional.empty(), FOLDS, SEED));
      return new Trained(new TrainedIntentClassifier(byTerms, Optional.empty(), tuned.gate(), tuned.threshold()),
          tuned);
    }
    QuestionEmbedder embedder = QuestionEmbedder.shipped();
    // Each question is embedded once; the folds and the final model share the vectors.
    Map<String, float[]> embeddings = new HashMap<>();
    for (LabelledQuestion q : training) {
      embeddings.computeIfAbsent(q.question(), embedder::embed);
    }
    SemanticIntentModel semantic = SemanticIntentModel.train(training, byTerms, embeddings::get, SEED);
    SemanticGate.Tuned tuned = SemanticGate.tune(
        CrossValidation.outOfFold(training, Optional.of(embeddings::get), FOLDS, SEED));
    return new Trained(new TrainedIntentClassifier(byTerms,
        Optional.of(new TrainedIntentClassifier.Semantic(semantic, embedder)), tuned.gate(), tuned.threshold()), tuned);
  }

  public static void main(String[] args) {
    List<LabelledQuestion> training = IntentDataSet.training();
    long start = System.nanoTime();
    Trained trained = trainTuned(training);
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.printf(Locale.ROOT, "trained on %d questions in %d ms; semantic gate %.2f, terms weight %.2f, "
        + "confidence threshold %.2f (%d-fold CV)%n", training.size(), millis, trained.tuned().gate().value(),
        trained.tuned().gate().termsWeight(), trained.tuned().threshold().value(), FOLDS);
    // How the chosen gate and threshold do on the out-of-fold guesses (cross-validation, not the held-out split).
    System.out.printf(Locale.ROOT, "cross-validated in-scope accuracy + out-of-scope recall: %.3f (of 2)%n",
        trained.tuned().score());
  }
}
