package io.suqi.orchestrator.classify;

import io.suqi.schemas.Intent;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * How well and how fast the shipped classifier classifies: accuracy per intent on the held-out
 * split and on later unseen sets (test resources), out-of-scope recall, the confusion matrix,
 * training time, and the latency of one classification (p50, p99, max) over the held-out questions
 * repeated, after a warm-up.
 *
 * <p>Not part of the build (its name matches no test pattern); run it with
 * {@code mvn -B -q -pl streams/orchestrator test -Dtest=IntentClassifierBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false [-Dbenchmark.classifications=20000] [-Dbenchmark.intentModels=terms]}
 * (both models by default). It prints; it asserts nothing.
 */
@Tag("benchmark")
class IntentClassifierBenchmark {

  private static final int WARM_UP = 20_000;
  /** Unseen sets, each written after the model and its data were last changed: no choice was tuned on them. */
  private static final List<String> UNSEEN = List.of("/intents/unseen.tsv", "/intents/unseen-2.tsv",
      "/intents/unseen-3.tsv");

  @Test
  void accuracy_and_latency() {
    long trainStart = System.nanoTime();
    IntentModels models = IntentModels.valueOf(
        System.getProperty("benchmark.intentModels", "hybrid").toUpperCase(Locale.ROOT));
    IntentModelTrainer.Trained trained = IntentModelTrainer.trainTuned(IntentDataSet.training(), models);
    TrainedIntentClassifier classifier = trained.classifier();
    double trainMillis = (System.nanoTime() - trainStart) / 1e6;
    List<LabelledQuestion> heldOut = IntentDataSet.heldOut();

    System.out.printf(Locale.ROOT, "%nintent models: %s%n", models.flagValue());
    System.out.printf(Locale.ROOT, "training: %d questions, %.0f ms (first training in this JVM%s, %d-fold CV); "
        + "semantic gate %.2f, terms weight %.2f, confidence threshold %.2f, cross-validated score %.3f of 2%n",
        IntentDataSet.training().size(), trainMillis,
        models == IntentModels.HYBRID ? ": the sentence model loaded, the questions embedded" : "",
        IntentModelTrainer.FOLDS, classifier.gate(), classifier.termsWeight(), classifier.threshold(),
        trained.tuned().score());
    printAccuracy("held-out", classifier, heldOut);
    for (String resource : UNSEEN) {
      List<LabelledQuestion> unseen = IntentDataSet.load(resource);
      printAccuracy(resource.substring(resource.lastIndexOf('/') + 1), classifier, unseen);
    }
    printLatency(classifier, heldOut, Integer.getInteger("benchmark.classifications", 20_000));
  }

  private static void printAccuracy(String set, TrainedIntentClassifier classifier, List<LabelledQuestion> questions) {
    HeldOutScore score = new HeldOutScore(classifier, questions);
    long semantic = questions.stream().filter(q -> classifier.asksSemanticModel(q.question())).count();
    System.out.printf(Locale.ROOT, "%s: %d questions; in-scope accuracy %.1f%%, out-of-scope recall %.1f%%; "
        + "%d (%.0f%%) decided by the semantic model%n", set, questions.size(), 100 * score.inScopeAccuracy(),
        100 * score.outOfScopeRecall(), semantic, 100.0 * semantic / questions.size());
    for (Intent intent : Intent.values()) {
      System.out.printf(Locale.ROOT, "  %-9s %5.1f%% of %d%n", intent.name().toLowerCase(Locale.ROOT),
          100 * score.recall(intent), score.total(intent));
    }
    StringBuilder matrix = new StringBuilder("confusion (rows: labelled, columns: classified)\n          ");
    for (Intent decided : Intent.values()) {
      matrix.append(String.format(Locale.ROOT, "%9s", decided.name().toLowerCase(Locale.ROOT)));
    }
    for (Intent truth : Intent.values()) {
      matrix.append(String.format(Locale.ROOT, "%n%-10s", truth.name().toLowerCase(Locale.ROOT)));
      for (Intent decided : Intent.values()) {
        matrix.append(String.format(Locale.ROOT, "%9d", score.count(truth, decided)));
      }
    }
    System.out.println(matrix);
  }

  private static void printLatency(IntentClassifier classifier, List<LabelledQuestion> questions, int count) {
    for (int i = 0; i < WARM_UP; i++) {
      classifier.classify(questions.get(i % questions.size()).question());
    }
    long[] nanos = new long[count];
    for (int i = 0; i < count; i++) {
      String question = questions.get(i % questions.size()).question();
      long start = System.nanoTime();
      classifier.classify(question);
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    System.out.printf(Locale.ROOT, "latency over %d classifications (after %d warm-up): p50 %.3f ms, p99 %.3f ms, "
        + "max %.3f ms%n", count, WARM_UP, nanos[count / 2] / 1e6, nanos[(int) Math.ceil(count * 0.99) - 1] / 1e6,
        nanos[count - 1] / 1e6);
  }
}
