package io.suqi.orchestrator.classify;

import java.util.Arrays;
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
 * <p>Each known term has a number ({@link #id}), so a question's features are two small arrays
 * rather than a map from strings: classification does this for every question, in the stream thread.
 *
 * <p>Immutable once fitted, so thread-safe.
 */
final class TfIdfVectoriser {

  /** The kinds of term, in the order of {@link #KIND_WEIGHTS}. */
  private static final List<String> KINDS = List.of(QuestionTerms.WORD, QuestionTerms.PAIR, QuestionTerms.GRAM);
  /** How much each kind of term counts once normalised; words carry the most meaning. */
  private static final double[] KIND_WEIGHTS = {1.0, 0.6, 1.2};
  /** A gram in a single training question is mostly noise from that one question. */
  private static final int MIN_GRAM_QUESTIONS = 2;

  private final Map<String, Integer> ids;
  private final String[] names;
  private final double[] idf;
  private final byte[] kinds;

  private TfIdfVectoriser(Map<String, Double> idfByTerm) {
    // Sorted, so the same questions always number their terms the same way.
    this.names = idfByTerm.keySet().stream().sorted().toArray(String[]::new);
    this.idf = new double[names.length];
    this.kinds = new byte[names.length];
    Map<String, Integer> byName = new HashMap<>(names.length * 2);
    for (int id = 0; id < names.length; id++) {
      byName.put(names[id], id);
      idf[id] = idfByTerm.get(names[id]);
      kinds[id] = (byte) KINDS.indexOf(names[id].substring(0, 2));
    }
    this.ids = byName;
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

  /** How many terms are known; their ids are 0 to size − 1. */
  int size() {
    return names.length;
  }

  /** The term a feature id stands for. */
  String name(int id) {
    return names[id];
  }

  /** The id of a known term, or −1. */
  int id(String term) {
    Integer id = ids.get(term);
    return id == null ? -1 : id;
  }

  /** The feature values of a question's terms, ids ascending; empty when none is known. */
  FeatureVector vectorise(List<String> terms) {
    int[] found = new int[terms.size()];
    int n = 0;
    for (String term : terms) {
      Integer id = ids.get(term);
      if (id != null) {
        found[n++] = id;
      }
    }
    return vectorise(found, n);
  }

  /**
   * The feature values of the first {@code n} term ids (each id once per occurrence, in any order;
   * the array is sorted in place), ids ascending.
   */
  FeatureVector vectorise(int[] found, int n) {
    Arrays.sort(found, 0, n);
    int[] distinct = new int[n];
    double[] values = new double[n];
    double[] squaredNorms = new double[KINDS.size()];
    int size = 0;
    for (int i = 0; i < n; ) {
      int id = found[i];
      int count = 0;
      while (i < n && found[i] == id) {
        count++;
        i++;
      }
      double value = (1 + Math.log(count)) * idf[id]; // sublinear: repeats add little
      distinct[size] = id;
      values[size++] = value;
      squaredNorms[kinds[id]] += value * value;
    }
    for (int j = 0; j < size; j++) {
      int kind = kinds[distinct[j]];
      values[j] = values[j] / Math.sqrt(squaredNorms[kind]) * KIND_WEIGHTS[kind];
    }
    return new FeatureVector(Arrays.copyOf(distinct, size), Arrays.copyOf(values, size));
  }

  /** Parallel arrays of feature ids (ascending) and values. */
  record FeatureVector(int[] ids, double[] values) {

    boolean isEmpty() {
      return ids.length == 0;
    }
  }
}
