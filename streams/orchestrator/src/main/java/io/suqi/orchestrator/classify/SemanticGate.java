package io.suqi.orchestrator.classify;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The TF-IDF model's probability from which its guess stands; below it, the semantic model (terms
 * and embedding) decides. A higher gate embeds more questions (about 2 ms each) for what
 * cross-validation says it gains.
 */
record SemanticGate(double value) {

  static final double[] CANDIDATES = {0.5, 0.6, 0.7, 0.8, 0.9, 1.0};
  /** Within this of the best cross-validated score, the lowest gate is taken: it embeds the fewest questions. */
  static final double TOLERANCE = 0.005;

  SemanticGate {
    if (!(value >= 0.0 && value <= 1.0)) {
      throw new IllegalArgumentException("gate must be within [0, 1], was " + value);
    }
  }

  /** Whether the TF-IDF guess is sure enough to stand without the embedding. */
  boolean trusts(Classification byTerms) {
    return byTerms.confidence() >= value;
  }

  /** The guess that decides. */
  Optional<Classification> decide(Optional<Classification> byTerms, Optional<Classification> semantic) {
    return byTerms.isEmpty() || trusts(byTerms.get()) ? byTerms : semantic;
  }

  /** A gate and the confidence threshold tuned for it, with their cross-validated score (of 2). */
  record Tuned(SemanticGate gate, ConfidenceThreshold threshold, double score) {}

  /**
   * For each candidate gate, the threshold {@link ConfidenceThreshold#tune} picks on the decided
   * out-of-fold guesses; the lowest gate whose score is within {@link #TOLERANCE} of the best.
   */
  static Tuned tune(List<CrossValidation.Guesses> outOfFold) {
    List<Tuned> candidates = Arrays.stream(CANDIDATES).mapToObj(value -> {
      SemanticGate gate = new SemanticGate(value);
      List<ConfidenceThreshold.OutOfFold> decided = outOfFold.stream()
          .map(g -> new ConfidenceThreshold.OutOfFold(g.question(), gate.decide(g.byTerms(), g.semantic())))
          .toList();
      ConfidenceThreshold threshold = ConfidenceThreshold.tune(decided);
      return new Tuned(gate, threshold, ConfidenceThreshold.score(decided, threshold));
    }).toList();
    double best = candidates.stream().mapToDouble(Tuned::score).max().orElseThrow();
    return candidates.stream().filter(t -> t.score() >= best - TOLERANCE).findFirst().orElseThrow();
  }
}
