package io.suqi.orchestrator.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a question into clauses at the boundaries where people join separate requests:
 * {@code ;}, a {@code ?} or {@code !} with more text after it, "then", "also", "and tell me" (show,
 * give, let me know), and "and" followed by a question word ("… and what should we stock"). An "and"
 * between two nouns ("Q3 and Q4", "store 1 and store 2") is not a boundary. The connecting words
 * and leading fillers ("tell me", "please") are dropped from each clause, so the classifier sees
 * the request itself. This is grammar, not intent: which agent a clause needs is the classifier's call.
 */
public final class ClauseSplitter {

  private static final String QUESTION_WORD =
      "(?:what|which|how|who|whose|when|where|why|whether|should|could|can|would|will|is|are|do|does|did)\\b";
  private static final Pattern BOUNDARY = Pattern.compile(
      "(?<then>\\s*,?\\s+(?:and\\s+)?then\\s+)"
          + "|\\s*;\\s*"
          + "|\\s*[?!]+\\s+"
          + "|\\s*,?\\s+(?:and\\s+)?also\\s+"
          + "|\\s*,?\\s+and\\s+(?:(?:tell|show|give)\\s+me|let\\s+me\\s+know)\\s+"
          + "|\\s*,?\\s+and\\s+(?=" + QUESTION_WORD + ")",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern LEADING_FILLER = Pattern.compile(
      "^(?:(?:and|also|then|so|please|(?:tell|show|give)\\s+me|let\\s+me\\s+know)\\b[\\s,]*)+",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s,;.?!]+$");

  /** The clauses of a question, in order; one clause when it has no boundary. Never empty for text. */
  public List<Clause> split(String question) {
    List<Clause> clauses = new ArrayList<>();
    if (!mayHaveBoundary(question)) {
      add(clauses, question, false);
      return clauses;
    }
    Matcher boundary = BOUNDARY.matcher(question);
    int start = 0;
    boolean afterThen = false;
    while (boundary.find()) {
      add(clauses, question.substring(start, boundary.start()), afterThen);
      afterThen = boundary.group("then") != null;
      start = boundary.end();
    }
    add(clauses, question.substring(start), afterThen);
    return clauses;
  }

  /**
   * False when no {@link #BOUNDARY} alternative can match: none of {@code ;}, a {@code ?} or {@code !}
   * before white space, "then", "also" or "and" occurs. Most questions have a single clause, and
   * this check costs a fraction of running the pattern at every position.
   */
  static boolean mayHaveBoundary(String question) {
    for (int i = 0; i < question.length(); i++) {
      char c = question.charAt(i);
      if (c == ';' || (c == '?' || c == '!') && i + 1 < question.length()
          && Character.isWhitespace(question.charAt(i + 1))) {
        return true;
      }
    }
    String lower = question.toLowerCase(Locale.ROOT);
    return lower.contains("then") || lower.contains("also") || lower.contains("and");
  }

  private static void add(List<Clause> clauses, String raw, boolean afterThen) {
    String text = TRAILING_PUNCTUATION.matcher(LEADING_FILLER.matcher(raw.strip()).replaceFirst("")).replaceFirst("");
    if (!text.isBlank()) {
      clauses.add(new Clause(text.strip(), afterThen && !clauses.isEmpty()));
    }
  }
}
