package io.suqi.agents;

import java.time.Duration;
import java.util.Objects;

/**
 * How an {@link AgentRunner} runs the tasks of one poll.
 *
 * @param concurrency tasks handled at the same time; more wait for a free slot
 * @param timeout     how long one task may take; after it, the task is interrupted and answered
 *                    as a FAILED step with that reason, so the question is never lost
 */
public record TaskLimits(int concurrency, Duration timeout) {

  public static final int MOST_CONCURRENCY = 64;
  /** A poll's tasks must finish well inside the consumer's max.poll.interval.ms (5 minutes). */
  public static final Duration LONGEST_TIMEOUT = Duration.ofMinutes(1);
  /** One task at a time, each within a minute: what every agent had before limits were configurable. */
  public static final TaskLimits SEQUENTIAL = new TaskLimits(1, LONGEST_TIMEOUT);

  public TaskLimits {
    if (concurrency < 1 || concurrency > MOST_CONCURRENCY) {
      throw new IllegalArgumentException("concurrency must be between 1 and " + MOST_CONCURRENCY + ", was "
          + concurrency);
    }
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.toMillis() < 1 || timeout.compareTo(LONGEST_TIMEOUT) > 0) {
      throw new IllegalArgumentException("timeout must be between 1 ms and " + LONGEST_TIMEOUT + ", was " + timeout);
    }
  }
}
