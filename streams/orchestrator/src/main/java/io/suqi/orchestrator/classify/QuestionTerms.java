package io.suqi.orchestrator.classify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The terms a question is described by: Porter-stemmed words ({@code w:}), pairs of adjacent words
 * ({@code b:}, so "how many" differs from "many") and character 3- to 5-grams of each word with its
 * boundaries ({@code c:}, so a typo like "revenu" or an unseen inflection still shares most of its
 * grams with the word the model knows). Numbers become one token: "store 12" and "store 37" ask the same.
 *
 * <p>Thread-safe: Lucene's analyzer keeps its token stream per thread.
 */
final class QuestionTerms {

  static final String WORD = "w:";
  static final String PAIR = "b:";
  static final String GRAM = "c:";

  /** What precedes a question's first word in its first pair. */
  static final String START = "^";

  private static final String NUMBER = "#";
  private static final int MIN_GRAM = 3;
  private static final int MAX_GRAM = 5;

  // No stop words: "how many", "by store" and "what is" carry intent in questions this short.
  private final Analyzer analyzer = new EnglishAnalyzer(CharArraySet.EMPTY_SET);

  /** The terms of a text, repeated as often as they occur; none for null or blank text. */
  List<String> of(String text) {
    List<String> words = words(text);
    List<String> terms = new ArrayList<>(words.size() * 12);
    String previous = START;
    for (String word : words) {
      terms.addAll(ownTerms(word));
      terms.add(pair(previous, word));
      previous = word;
    }
    return terms;
  }

  /** The terms a word brings whatever its neighbours: the word itself and its grams. */
  static List<String> ownTerms(String word) {
    List<String> terms = new ArrayList<>(2 + 3 * word.length());
    terms.add(WORD + word);
    if (!word.equals(NUMBER)) {
      addGrams("<" + word + ">", terms);
    }
    return terms;
  }

  /** The term of two adjacent words. */
  static String pair(String previous, String word) {
    return PAIR + previous + "_" + word;
  }

  /** The analysed words of a text: stemmed, lower case, numbers as one token; none for null. */
  List<String> words(String text) {
    return analysed(text == null ? "" : text);
  }

  private List<String> analysed(String text) {
    List<String> words = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream("question", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        String word = term.toString();
        words.add(word.chars().allMatch(Character::isDigit) ? NUMBER : word);
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analysing an in-memory string cannot fail", e);
    }
    return words;
  }

  private static void addGrams(String bounded, List<String> terms) {
    for (int n = MIN_GRAM; n <= MAX_GRAM; n++) {
      for (int start = 0; start + n <= bounded.length(); start++) {
        terms.add(GRAM + bounded.substring(start, start + n));
      }
    }
  }
}
