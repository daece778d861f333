package io.suqi.agents.analytics.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.en.EnglishMinimalStemmer;

/**
 * A word of a question or a catalogue name, lower-cased and reduced to its singular ("snacks" and
 * "snack" are one token), with where it stands in the text. "and" is no token, as "&" is none.
 */
record Token(String text, String stem, int start, int end) {

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

  static List<Token> of(CharSequence text) {
    List<Token> tokens = new ArrayList<>();
    Matcher word = WORD.matcher(text);
    EnglishMinimalStemmer stemmer = new EnglishMinimalStemmer();
    while (word.find()) {
      String lower = word.group().toLowerCase(Locale.ROOT);
      if (lower.equals("and")) {
        continue; // "Home & Kitchen" is said "home and kitchen"
      }
      char[] chars = lower.toCharArray();
      String stem = new String(chars, 0, stemmer.stem(chars, chars.length));
      tokens.add(new Token(lower, stem, word.start(), word.end()));
    }
    return tokens;
  }
}
