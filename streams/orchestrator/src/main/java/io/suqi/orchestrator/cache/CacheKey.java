package io.suqi.orchestrator.cache;

import io.suqi.schemas.AgentType;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The cache key of a question: tenant + agent + context limit + the question normalised (case,
 * punctuation and spacing do not matter), so "Top 5 stores?" and "top 5 stores" share an answer.
 */
public final class CacheKey {

  private static final char SEPARATOR = '\u0001';
  /** Compiled once: String.replaceAll would compile it for every question. */
  private static final Pattern NEITHER_LETTER_NOR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");

  private CacheKey() {}

  public static String of(String tenantId, AgentType agent, int contextLimit, String question) {
    return tenantId + SEPARATOR + agent.name() + SEPARATOR + contextLimit + SEPARATOR + normalised(question);
  }

  static String normalised(String question) {
    return NEITHER_LETTER_NOR_DIGIT.matcher(question.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
  }
}
