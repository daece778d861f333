package io.suqi.agents.retail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Words of a question or a catalogue name, normalised so that "Toys", "toy" and "TOYS" compare
 * equal: lower case, letters and digits only, plural endings removed. Words too common to name
 * a product (and the agent's own vocabulary) are dropped.
 */
final class NameTokens {

  private static final Set<String> IGNORED = Set.copyOf(java.util.List.of(
      // English glue
      "a", "an", "and", "are", "as", "at", "be", "by", "do", "does", "for", "from", "how", "i", "in", "is", "it",
      "me", "most", "much", "my", "of", "on", "or", "our", "over", "should", "show", "tell", "than", "that", "the",
      "their", "them", "these", "this", "those", "to", "us", "we", "what", "when", "where", "which", "who", "why",
      "will", "with", "would", "you", "your", "can", "could", "give", "get", "any", "all", "some", "more", "less",
      "best", "good", "top", "new", "next", "last", "up", "out", "about", "vs", "versus", "against", "compare",
      "compared", "comparison", "list", "let", "know", "please", "ignore", "previous", "instruction", "select",
      "drop", "table", "delete", "union", "insert", "update", "from", "where", "null", "or", "not",
      // the agent's own words
      "price", "priced", "pricing", "prices", "competitor", "competition", "cheaper", "cheap", "expensive",
      "overpriced", "underpriced", "above", "below", "stock", "stocking", "sell", "sells", "selling", "sold",
      "bought", "buy", "together", "bundle", "bundling", "cross", "pair", "paired", "basket", "store", "shop",
      "location", "region", "open", "expand", "season", "seasonal", "product", "item", "category", "brand",
      "recommend", "recommendation", "suggest", "demand", "customer", "go", "goes", "well", "along", "alongside",
      "also", "often", "frequently", "day", "week", "month", "year", "quarter", "today", "yesterday", "holiday",
      "pack", "set", "oz", "ct", "size"));

  private NameTokens() {}

  /** The normalised, meaningful words of {@code text}, in order. */
  static List<String> of(String text) {
    List<String> tokens = new ArrayList<>();
    for (String raw : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (raw.isEmpty() || raw.chars().allMatch(Character::isDigit)) {
        continue;
      }
      String token = singular(raw);
      if (token.length() >= 3 && !IGNORED.contains(token) && !IGNORED.contains(raw)) {
        tokens.add(token);
      }
    }
    return tokens;
  }

  static String singular(String word) {
    if (word.length() > 4 && word.endsWith("ies")) {
      return word.substring(0, word.length() - 3) + "y";
    }
    if (word.length() > 4 && (word.endsWith("ches") || word.endsWith("shes") || word.endsWith("xes")
        || word.endsWith("sses"))) {
      return word.substring(0, word.length() - 2);
    }
    if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us")) {
      return word.substring(0, word.length() - 1);
    }
    return word;
  }

  /** Equal, or one edit apart for words of five letters or more (a small typo). */
  static boolean similar(String a, String b) {
    if (a.equals(b)) {
      return true;
    }
    if (Math.min(a.length(), b.length()) < 5 || Math.abs(a.length() - b.length()) > 1) {
      return false;
    }
    return editDistance(a, b) <= 1;
  }

  /** Optimal string alignment distance (a swap of two neighbours counts as one edit). */
  private static int editDistance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
