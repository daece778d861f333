package io.suqi.agents.analytics;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits on the SQL the analytics agent runs.
 *
 * @param statementTimeout how long one query may run before PostgreSQL cancels it
 * @param maxRows          rows an answer may hold; more are cut and the answer says so
 */
public record AnalyticsConfig(Duration statementTimeout, int maxRows) {

  public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofSeconds(10);
  public static final int DEFAULT_MAX_ROWS = 1000;
  public static final Duration LONGEST_STATEMENT_TIMEOUT = Duration.ofMinutes(5);
  public static final int MOST_ROWS = 100_000;

  public AnalyticsConfig {
    Objects.requireNonNull(statementTimeout, "statementTimeout");
    if (statementTimeout.toMillis() < 1) {
      // PostgreSQL reads statement_timeout = 0 as "no timeout", the opposite of what was meant
      throw new IllegalArgumentException("statementTimeout must be at least 1 ms, was " + statementTimeout);
    }
    if (statementTimeout.compareTo(LONGEST_STATEMENT_TIMEOUT) > 0) {
      throw new IllegalArgumentException("statementTimeout must be at most " + LONGEST_STATEMENT_TIMEOUT
          + " (the agent's consumer must keep polling), was " + statementTimeout);
    }
    if (maxRows < 1 || maxRows > MOST_ROWS) {
      throw new IllegalArgumentException("maxRows must be between 1 and " + MOST_ROWS + ", was " + maxRows);
    }
  }

  public static AnalyticsConfig defaults() {
    return new AnalyticsConfig(DEFAULT_STATEMENT_TIMEOUT, DEFAULT_MAX_ROWS);
  }
}
