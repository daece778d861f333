package io.suqi.agents.ml;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What an ML question asks for, read from its words. */
public record MlRequest(Kind kind, Optional<Long> store, int days) {

  public enum Kind { TRAIN, PREDICT, IMPORTANCE, HEALTH, UNKNOWN }

  public static final int DEFAULT_DAYS = 28;
  public static final int MOST_DAYS = 91;

  private static final Pattern STORE = Pattern.compile("\\bstore\\s*#?\\s*(\\d+)");
  private static final Pattern HORIZON = Pattern.compile("\\bnext\\s+(\\d+)?\\s*(day|week)s?");

  public static MlRequest of(String question) {
    String q = question.toLowerCase(Locale.ROOT);
    Optional<Long> store = Optional.empty();
    Matcher m = STORE.matcher(q);
    if (m.find()) {
      store = Optional.of(Long.parseLong(m.group(1)));
    }
    int days = DEFAULT_DAYS;
    Matcher h = HORIZON.matcher(q);
    if (h.find()) {
      int n = h.group(1) == null ? 1 : Integer.parseInt(h.group(1));
      days = Math.min(MOST_DAYS, Math.max(1, h.group(2).equals("week") ? 7 * n : n));
    }
    Kind kind;
    if (q.matches(".*\\b(train|retrain|fit|build)\\b.*")) {
      kind = Kind.TRAIN;
    } else if (q.matches(".*\\bfeatures?\\b.*") && q.matches(".*\\b(matter|important|importance|drive|drivers)\\b.*")) {
      kind = Kind.IMPORTANCE;
    } else if (q.matches(".*\\b(how is|how's|doing|drift|monitor|health|accurate|accuracy)\\b.*")) {
      kind = Kind.HEALTH;
    } else if (q.matches(".*\\b(predict|forecast|projection|expect)\\w*\\b.*")) {
      kind = Kind.PREDICT;
    } else {
      kind = Kind.UNKNOWN;
    }
    return new MlRequest(kind, store, days);
  }
}
