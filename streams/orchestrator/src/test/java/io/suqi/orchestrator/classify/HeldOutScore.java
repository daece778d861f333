package io.suqi.orchestrator.classify;

import io.suqi.schemas.Intent;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** How a classifier does on labelled questions: a confusion matrix and the two numbers the issue asks for. */
final class HeldOutScore {

  private final Map<Intent, Map<Intent, Integer>> confusion = new EnumMap<>(Intent.class);

  HeldOutScore(IntentClassifier classifier, List<LabelledQuestion> questions) {
    for (Intent truth : Intent.values()) {
      Map<Intent, Integer> row = new EnumMap<>(Intent.class);
      for (Intent decided : Intent.values()) {
        row.put(decided, 0);
      }
      confusion.put(truth, row);
    }
    for (LabelledQuestion q : questions) {
      confusion.get(q.intent()).merge(classifier.classify(q.question()).intent(), 1, Integer::sum);
    }
  }

  /** Share of in-scope questions given their own intent. */
  double inScopeAccuracy() {
    int right = 0;
    int all = 0;
    for (Intent truth : Intent.values()) {
      if (truth != Intent.GENERAL) {
        right += count(truth, truth);
        all += total(truth);
      }
    }
    return (double) right / all;
  }

  /** Share of out-of-scope questions classified GENERAL. */
  double outOfScopeRecall() {
    return recall(Intent.GENERAL);
  }

  double recall(Intent truth) {
    return (double) count(truth, truth) / total(truth);
  }

  int count(Intent truth, Intent decided) {
    return confusion.get(truth).get(decided);
  }

  int total(Intent truth) {
    return confusion.get(truth).values().stream().mapToInt(Integer::intValue).sum();
  }
}
