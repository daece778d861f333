package io.suqi.orchestrator.classify;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ids of the known terms each word brings on its own (the word and its character grams,
 * {@link QuestionTerms#ownTerms}), remembered per word: a word's grams are the same in every
 * question, and looking up its dozen or more grams again for each question was most of the time
 * a classification took. Holds at most {@link #MAX_WORDS} words, so odd input cannot grow it without end;
 * a word past that is looked up each time.
 *
 * <p>Thread-safe.
 */
final class WordTermIds {

  static final int MAX_WORDS = 50_000;

  private final TfIdfVectoriser vectoriser;
  private final Map<String, int[]> byWord = new ConcurrentHashMap<>();

  WordTermIds(TfIdfVectoriser vectoriser) {
    this.vectoriser = vectoriser;
  }

  /** The ids of the word's own known terms, one per occurrence. */
  int[] of(String word) {
    int[] ids = byWord.get(word);
    if (ids == null) {
      ids = lookUp(word);
      if (byWord.size() < MAX_WORDS) {
        byWord.putIfAbsent(word, ids);
      }
    }
    return ids;
  }

  private int[] lookUp(String word) {
    List<String> terms = QuestionTerms.ownTerms(word);
    int[] ids = new int[terms.size()];
    int n = 0;
    for (String term : terms) {
      int id = vectoriser.id(term);
      if (id >= 0) {
        ids[n++] = id;
      }
    }
    return Arrays.copyOf(ids, n);
  }
}
