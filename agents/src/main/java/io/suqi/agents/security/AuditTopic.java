package io.suqi.agents.security;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the security agent reports on, and the words that ask for it. Checked in this order, so
 * "throttled requests" is about throttling rather than requests in general.
 */
enum AuditTopic {
  INJECTION("injection attempts (questions with SQL or instruction-override signs), by user",
      List.of("inject", "attack", "malicious", "smuggl", "suspicious")),
  THROTTLING("throttled requests (over the questions-per-minute limit), by user",
      List.of("throttl", "rate limit", "rate-limit", "too many")),
  QUOTA("quota hits (over the tokens-per-day limit), by user", List.of("quota", "token limit", "tokens per day")),
  ODD_HOURS("questions at hours of the day when the tenant rarely asks, by user",
      List.of("odd hour", "unusual hour", "night", "after hours", "outside business", "weekend")),
  VOLUME_SPIKES("hours in which a user asked far more than their usual (median + 3 MAD)",
      List.of("unusual", "anomal", "spike", "burst", "abnormal", "volume")),
  REJECTIONS("rejected requests, by reason and user",
      List.of("reject", "denied", "blocked", "forbidden", "unauthori", "unauthenticated", "refused", "401", "403")),
  ACCESS("access by user: questions, rejections, tokens and last activity",
      List.of("access", "who asked", "by user", "users", "activity", "usage", "who used", "logins"));

  private final String description;
  private final List<String> cues;

  AuditTopic(String description, List<String> cues) {
    this.description = description;
    this.cues = cues;
  }

  String description() {
    return description;
  }

  /** The first topic whose words the question uses. */
  static Optional<AuditTopic> of(String question) {
    String text = question.toLowerCase(Locale.ROOT);
    for (AuditTopic topic : values()) {
      if (topic.cues.stream().anyMatch(text::contains)) {
        return Optional.of(topic);
      }
    }
    return Optional.empty();
  }
}
