package io.suqi.orchestrator.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * When the semantic model is asked, and how much the terms still count then. From the TF-IDF
 * model's probability {@code value} up, its guess stands; below it, each intent's probability is
 * {@code termsWeight} of the terms model's and the rest of the semantic model's (terms and
 * embedding). A higher gate embeds more questions (about 2 ms each) for what cross-validation says
 * it gains; a weight above 0 lets the terms' character grams still speak for a typo or an
 * abbreviation the sentence model reads poorly.
 */
record SemanticGate(double value, double termsWeight) {

  static final double[] CANDIDATES = {0.5, 0.6, 0.7, 0.8, 0.9, 1.0};
  static final double[] TERMS_WEIGHTS = {0.0, 0.25, 0.5};
  /**
   * Within this of the best cross-validated score, the first candidate is taken, the lowest gate
   * first (it embeds the fewest questions), then the lowest weight.
   */
  static final double TOLERANCE = 0.005;

  SemanticGate {
    if (!(value >= 0.0 && value <= 1.0)) {
      throw new IllegalArgumentException("gate must be within [0, 1], was " + value);
    }
    if (!(termsWeight >= 0.0 && termsWeight <= 1.0)) {
      throw new IllegalArgumentException("terms weight must be within [0, 1], was " + termsWeight);
    }
  }

  /** Whether the TF-IDF guess is sure enough to stand without the embedding. */
  boolean trusts(Classification byTerms) {
    return byTerms.confidence() >= value;
  }

  /**
   * The guess that decides, from both models' {@link IntentProbabilities}; empty when the question
   * has no term the models know.
   *
   * @param semantic asked only below the gate: it embeds the question
   */
  Optional<Classification> decide(Optional<double[]> byTerms, Supplier<Optional<double[]>> semantic) {
    if (byTerms.isEmpty()) {
      return Optional.empty();
    }
    Classification termsGuess = IntentProbabilities.mostProbable(byTerms.get());
    if (trusts(termsGuess)) {
      return Optional.of(termsGuess);
    }
    return Optional.of(semantic.get()
        .map(probabilities -> IntentProbabilities.mostProbable(
            IntentProbabilities.blend(byTerms.get(), probabilities, termsWeight)))
        .orElse(termsGuess));
  }

  /** A gate and the confidence threshold tuned for it, with their cross-validated score (of 2). */
  record Tuned(SemanticGate gate, ConfidenceThreshold threshold, double score) {}

  /**
   * For each candidate gate and weight, the threshold {@link ConfidenceThreshold#tune} picks on the
   * decided out-of-fold guesses; the first whose score is within {@link #TOLERANCE} of the best.
   */
  static Tuned tune(List<CrossValidation.Guesses> outOfFold) {
    List<Tuned> candidates = new ArrayList<>();
    for (double value : CANDIDATES) {
      for (double weight : TERMS_WEIGHTS) {
        candidates.add(tunedAt(new SemanticGate(value, weight), outOfFold));
      }
    }
    double best = candidates.stream().mapToDouble(Tuned::score).max().orElseThrow();
    return candidates.stream().filter(t -> t.score() >= best - TOLERANCE).findFirst().orElseThrow();
  }

  /** The gate that lets every guess of the terms model stand, with the threshold tuned for it. */
  static Tuned termsAlone(List<CrossValidation.Guesses> outOfFold) {
    return tunedAt(new SemanticGate(0.0, 0.0), outOfFold);
  }

  private static Tuned tunedAt(SemanticGate gate, List<CrossValidation.Guesses> outOfFold) {
    List<ConfidenceThreshold.OutOfFold> decided = outOfFold.stream()
        .map(g -> new ConfidenceThreshold.OutOfFold(g.question(), gate.decide(g.byTerms(), g::semantic)))
        .toList();
    ConfidenceThreshold threshold = ConfidenceThreshold.tune(decided);
    return new Tuned(gate, threshold, ConfidenceThreshold.score(decided, threshold));
  }
}
