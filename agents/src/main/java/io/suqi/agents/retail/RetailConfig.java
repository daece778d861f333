package io.suqi.agents.retail;

import io.suqi.agents.TaskLimits;
import io.suqi.agents.analytics.AnalyticsConfig;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * How the retail expert agent runs.
 *
 * @param queries      statement timeout and row cap of its SQL
 * @param limits       tasks handled at once and the time one may take
 * @param safetyBuffer added to last season's units in a stocking recommendation (0.10 = 10%)
 */
public record RetailConfig(AnalyticsConfig queries, TaskLimits limits, BigDecimal safetyBuffer) {

  public static final BigDecimal DEFAULT_SAFETY_BUFFER = new BigDecimal("0.10");
  public static final BigDecimal MOST_SAFETY_BUFFER = BigDecimal.ONE;

  public RetailConfig {
    Objects.requireNonNull(queries, "queries");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(safetyBuffer, "safetyBuffer");
    if (safetyBuffer.signum() < 0 || safetyBuffer.compareTo(MOST_SAFETY_BUFFER) > 0) {
      throw new IllegalArgumentException("safetyBuffer must be between 0 and " + MOST_SAFETY_BUFFER + " (a share of "
          + "last season's units, 0.10 = 10%), was " + safetyBuffer);
    }
    if (limits.timeout().compareTo(queries.statementTimeout()) < 0) {
      throw new IllegalArgumentException("the task timeout (" + limits.timeout() + ") must not be shorter than the "
          + "statement timeout (" + queries.statementTimeout() + "), or a slow query ends as a timeout without its reason");
    }
  }

  /**
   * Statements cut at 3 s (a plan step has 4 s), 1,000 rows, 4 tasks at once, 10 s per task, a 10%
   * safety buffer.
   */
  public static RetailConfig defaults() {
    return new RetailConfig(new AnalyticsConfig(Duration.ofSeconds(3), AnalyticsConfig.DEFAULT_MAX_ROWS),
        new TaskLimits(4, Duration.ofSeconds(10)), DEFAULT_SAFETY_BUFFER);
  }
}
