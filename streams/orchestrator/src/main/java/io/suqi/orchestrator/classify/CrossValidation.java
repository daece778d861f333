package io.suqi.orchestrator.classify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;

/**
 * k-fold cross-validation on the training questions: each question is scored by both models
 * trained on the other folds, so the thresholds tuned on these guesses never saw the question.
 */
final class CrossValidation {

  private CrossValidation() {}

  /** A training question and the {@link IntentProbabilities} of models that did not train on it. */
  record Guesses(LabelledQuestion question, Optional<double[]> byTerms, Optional<double[]> semantic) {}

  /**
   * Deterministic for a seed: the questions are shuffled with it, and fold {@code f} trains with seed + f.
   *
   * @param embedding each question's embedding; empty scores the terms model alone (no semantic guesses)
   */
  static List<Guesses> outOfFold(List<LabelledQuestion> training, Optional<Function<String, float[]>> embedding,
      int folds, long seed) {
    List<LabelledQuestion> shuffled = new ArrayList<>(training);
    Collections.shuffle(shuffled, new Random(seed));
    List<Guesses> guesses = new ArrayList<>(shuffled.size());
    for (int fold = 0; fold < folds; fold++) {
      List<LabelledQuestion> trainOn = new ArrayList<>();
      List<LabelledQuestion> scoreOn = new ArrayList<>();
      for (int i = 0; i < shuffled.size(); i++) {
        (i % folds == fold ? scoreOn : trainOn).add(shuffled.get(i));
      }
      long foldSeed = seed + fold;
      IntentModel terms = IntentModel.train(trainOn, foldSeed);
      Optional<SemanticIntentModel> semantic =
          embedding.map(e -> SemanticIntentModel.train(trainOn, terms, e, foldSeed));
      for (LabelledQuestion q : scoreOn) {
        guesses.add(new Guesses(q, terms.probabilities(q.question()),
            semantic.flatMap(model -> model.probabilities(q.question(), embedding.get().apply(q.question())))));
      }
    }
    return guesses;
  }
}
