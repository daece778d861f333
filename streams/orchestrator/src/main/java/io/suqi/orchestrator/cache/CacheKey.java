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
    StringBuilder key = new StringBuilder(tenantId.length() + question.length() + 24).append(tenantId)
        .append(SEPARATOR).append(agent.name()).append(SEPARATOR).append(contextLimit).append(SEPARATOR);
    appendNormalised(question, key);
    return key.toString();
  }

  /**
   * Lower case, each run of characters that are neither letters nor numbers as one space, none at
   * either end: what {@code [^\p{L}\p{N}]+ → " "} and strip() give, in one scan, as it runs for every question.
   */
  static String normalised(String question) {
    StringBuilder normalised = new StringBuilder(question.length());
    appendNormalised(question, normalised);
    return normalised.toString();
  }

  private static void appendNormalised(String question, StringBuilder out) {
    if (!appendNormalisedAscii(question, out)) {
      appendNormalisedUnicode(question, out);
    }
  }

  /**
   * The common case, a question in ASCII, without decoding code points or lower-casing a copy first;
   * false, with {@code out} as it was, at the first character that is not ASCII.
   */
  private static boolean appendNormalisedAscii(String question, StringBuilder out) {
    int start = out.length();
    boolean separated = false;
    for (int i = 0; i < question.length(); i++) {
      char c = question.charAt(i);
      if (c >= 0x80) {
        out.setLength(start);
        return false;
      }
      boolean upper = c >= 'A' && c <= 'Z';
      if (upper || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        if (separated && out.length() > start) {
          out.append(' ');
        }
        out.append(upper ? (char) (c + ('a' - 'A')) : c);
        separated = false;
      } else {
        separated = true;
      }
    }
    return true;
  }

  /** Any text: lower-cased as a whole first, since some characters lower-case by their context. */
  private static void appendNormalisedUnicode(String question, StringBuilder out) {
    int start = out.length();
    String lower = question.toLowerCase(Locale.ROOT);
    boolean separated = false;
    for (int i = 0; i < lower.length(); ) {
      int c = lower.codePointAt(i);
      i += Character.charCount(c);
      if (isLetterOrNumber(c)) {
        if (separated && out.length() > start) {
          out.append(' ');
        }
        out.appendCodePoint(c);
        separated = false;
      } else {
        separated = true;
      }
    }
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
