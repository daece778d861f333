package io.suqi.orchestrator.classify;

import java.util.List;
import java.util.Locale;

/**
 * Trains the intent classifier: the model on all training questions, the confidence threshold by
 * cross-validation on the same questions. The held-out split is never read here. Deterministic:
 * a fixed seed, so the same data set always gives the same classifier.
 *
 * <p>{@link #main} trains from the shipped data set and prints the threshold and its cross-validated
 * score, for whoever edits the data set (run the class from an IDE, or with {@code java -cp} on the
 * module's test class path). The orchestrator itself trains at first use, so a restart retrains.
 */
public final class IntentModelTrainer {

  static final long SEED = 20250301L;
  static final int FOLDS = 5;

  private IntentModelTrainer() {}

  /** A classifier trained on these questions. */
  public static TrainedIntentClassifier train(List<LabelledQuestion> training) {
    IntentModel model = IntentModel.train(training, SEED);
    ConfidenceThreshold threshold = ConfidenceThreshold.crossValidated(training, FOLDS, SEED);
    return new TrainedIntentClassifier(model, threshold);
  }

  public static void main(String[] args) {
    List<LabelledQuestion> training = IntentDataSet.training();
    long start = System.nanoTime();
    TrainedIntentClassifier classifier = train(training);
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.printf(Locale.ROOT, "trained on %d questions in %d ms; confidence threshold %.2f (%d-fold CV)%n",
        training.size(), millis, classifier.threshold(), FOLDS);
    // How the chosen threshold does on the out-of-fold predictions (cross-validation, not the held-out split).
    List<ConfidenceThreshold.OutOfFold> outOfFold = ConfidenceThreshold.outOfFold(training, FOLDS, SEED);
    ConfidenceThreshold chosen = new ConfidenceThreshold(classifier.threshold());
    System.out.printf(Locale.ROOT, "cross-validated in-scope accuracy + out-of-scope recall: %.3f (of 2)%n",
        ConfidenceThreshold.score(outOfFold, chosen));
  }
}
