package io.suqi.orchestrator.classify;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Normalised tokens of a text: lower case, letters and digits only, with a light suffix stemming
 * so that "stores", "forecasting" and "policies" match the keywords "store", "forecast" and "policy".
 * Keywords go through the same normalisation, so the stemming only has to be consistent, not right.
 */
final class Tokens {

  private Tokens() {}

  static List<String> of(String text) {
    String cleaned = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    if (cleaned.isEmpty()) {
      return List.of();
    }
    return Arrays.stream(cleaned.split(" ")).map(Tokens::stem).toList();
  }

  private static String stem(String token) {
    if (token.length() > 4 && token.endsWith("ies")) {
      return token.substring(0, token.length() - 3) + "y";
    }
    if (token.length() > 5 && token.endsWith("ing")) {
      return token.substring(0, token.length() - 3);
    }
    if (token.length() > 4 && token.endsWith("ed")) {
      return token.substring(0, token.length() - 2);
    }
    if (token.length() > 3 && token.endsWith("s") && !token.endsWith("ss")) {
      return token.substring(0, token.length() - 1);
    }
    return token;
  }
}
