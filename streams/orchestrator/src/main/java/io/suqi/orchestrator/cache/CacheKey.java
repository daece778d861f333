package io.suqi.orchestrator.cache;

import io.suqi.schemas.AgentType;
import java.util.Locale;

/**
 * The cache key of a question: tenant + agent + context limit + the question normalised (case,
 * punctuation and spacing do not matter), so "Top 5 stores?" and "top 5 stores" share an answer.
 */
public final class CacheKey {

  private static final char SEPARATOR = '\u0001';

  private CacheKey() {}

  public static String of(String tenantId, AgentType agent, int contextLimit, String question) {
    return tenantId + SEPARATOR + agent.name() + SEPARATOR + contextLimit + SEPARATOR + normalised(question);
  }

  /**
   * Lower case, each run of characters that are neither letters nor numbers as one space, none at
   * either end: what {@code [^\p{L}\p{N}]+ → " "} and strip() give, in one scan, as it runs for every question.
   */
  static String normalised(String question) {
    String lower = question.toLowerCase(Locale.ROOT);
    StringBuilder normalised = new StringBuilder(lower.length());
    boolean separated = false;
    for (int i = 0; i < lower.length(); ) {
      int c = lower.codePointAt(i);
      i += Character.charCount(c);
      if (isLetterOrNumber(c)) {
        if (separated && !normalised.isEmpty()) {
          normalised.append(' ');
        }
        normalised.appendCodePoint(c);
        separated = false;
      } else {
        separated = true;
      }
    }
    return normalised.toString();
  }

  /** \p{L} or \p{N}. */
  private static boolean isLetterOrNumber(int c) {
    return switch (Character.getType(c)) {
      case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER, Character.OTHER_LETTER,
          Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
      default -> false;
    };
  }
}
