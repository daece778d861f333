package io.suqi.agents;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How an {@link AgentRunner} reaches Kafka.
 *
 * @param pollTimeout    how long one poll waits for tasks; also bounds how fast {@code stop()} is noticed
 * @param maxPollRecords tasks taken per poll; keep {@code maxPollRecords × worst task time} well under
 *                       the consumer's max.poll.interval.ms (5 minutes), or the group rebalances
 * @param groupInstanceId a stable id of this instance (Kafka static membership): a restarted
 *                       agent takes its partitions back at once instead of after the session timeout
 */
public record AgentConfig(String bootstrapServers, String groupId, Duration pollTimeout, int maxPollRecords,
    Optional<String> groupInstanceId) {

  public static final Duration DEFAULT_POLL_TIMEOUT = Duration.ofMillis(100);
  public static final int DEFAULT_MAX_POLL_RECORDS = 10;

  public AgentConfig {
    requireText(bootstrapServers, "bootstrapServers");
    requireText(groupId, "groupId");
    Objects.requireNonNull(pollTimeout, "pollTimeout");
    if (pollTimeout.isNegative() || pollTimeout.isZero()) {
      throw new IllegalArgumentException("pollTimeout must be positive, was " + pollTimeout);
    }
    if (maxPollRecords < 1) {
      throw new IllegalArgumentException("maxPollRecords must be at least 1, was " + maxPollRecords);
    }
    Objects.requireNonNull(groupInstanceId, "groupInstanceId (use Optional.empty() for dynamic membership)");
  }

  /** Dynamic group membership. */
  public AgentConfig(String bootstrapServers, String groupId, Duration pollTimeout, int maxPollRecords) {
    this(bootstrapServers, groupId, pollTimeout, maxPollRecords, Optional.empty());
  }

  /** The default poll timeout and batch size, as a static member with this instance id. */
  public AgentConfig(String bootstrapServers, String groupId, String groupInstanceId) {
    this(bootstrapServers, groupId, DEFAULT_POLL_TIMEOUT, DEFAULT_MAX_POLL_RECORDS, Optional.of(groupInstanceId));
  }

  /** A config with the default poll timeout and batch size. */
  public AgentConfig(String bootstrapServers, String groupId) {
    this(bootstrapServers, groupId, DEFAULT_POLL_TIMEOUT, DEFAULT_MAX_POLL_RECORDS);
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
