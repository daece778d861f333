package io.suqi.orchestrator.classify;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Term counts to TF-IDF feature values, fitted on the training questions: a term rarer across the
 * questions weighs more. Each kind of term (word, pair, gram) is L2-normalised on its own and then
 * scaled, so the many character grams of a question cannot drown its few words. Terms never seen in
 * training (or, for grams, seen only once) are dropped: the model has no weight for them.
 *
 * <p>Immutable once fitted, so thread-safe.
 */
final class TfIdfVectoriser {

  /** How much each kind of term counts once normalised; words carry the most meaning. */
  private static final Map<String, Double> KIND_WEIGHTS = Map.of(
      QuestionTerms.WORD, 1.0, QuestionTerms.PAIR, 0.6, QuestionTerms.GRAM, 1.2);
  /** A gram in a single training question is mostly noise from that one question. */
  private static final int MIN_GRAM_QUESTIONS = 2;

  private final Map<String, Double> idf;

  private TfIdfVectoriser(Map<String, Double> idf) {
    this.idf = Map.copyOf(idf);
  }

  /** Fitted on the terms of each training question. */
  static TfIdfVectoriser fit(Collection<List<String>> questions) {
    Map<String, Integer> questionsWithTerm = new HashMap<>();
    for (List<String> terms : questions) {
      for (String term : new HashSet<>(terms)) {
        questionsWithTerm.merge(term, 1, Integer::sum);
      }
    }
    int n = questions.size();
    Map<String, Double> idf = new HashMap<>();
    questionsWithTerm.forEach((term, df) -> {
      if (!term.startsWith(QuestionTerms.GRAM) || df >= MIN_GRAM_QUESTIONS) {
        idf.put(term, Math.log((1.0 + n) / (1.0 + df)) + 1.0); // smoothed: no term weighs zero
      }
    });
    return new TfIdfVectoriser(idf);
  }

  /** The feature values of a question's terms; empty when none is known. */
  FeatureVector vectorise(List<String> terms) {
    Map<String, Integer> counts = new HashMap<>();
    for (String term : terms) {
      if (idf.containsKey(term)) {
        counts.merge(term, 1, Integer::sum);
      }
    }
    String[] names = new String[counts.size()];
    double[] values = new double[counts.size()];
    Map<String, Double> squaredNorms = new HashMap<>();
    int i = 0;
    for (Map.Entry<String, Integer> entry : counts.entrySet()) {
      names[i] = entry.getKey();
      values[i] = (1 + Math.log(entry.getValue())) * idf.get(entry.getKey()); // sublinear: repeats add little
      squaredNorms.merge(kind(names[i]), values[i] * values[i], Double::sum);
      i++;
    }
    for (int j = 0; j < names.length; j++) {
      String kind = kind(names[j]);
      values[j] = values[j] / Math.sqrt(squaredNorms.get(kind)) * KIND_WEIGHTS.get(kind);
    }
    return new FeatureVector(names, values);
  }

  private static String kind(String term) {
    return term.substring(0, 2);
  }

  /** Parallel arrays of feature names and values, as Tribuo's examples take them. */
  record FeatureVector(String[] names, double[] values) {

    boolean isEmpty() {
      return names.length == 0;
    }
  }
}
