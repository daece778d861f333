package io.suqi.agents;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * Keeps an idle agent's committed offsets at its consumer's positions. The orchestrator writes tasks
 * in transactions, and each transaction leaves a commit marker after its tasks, which a poll steps
 * over without returning a record. Committing only after handling records would leave each
 * partition's offset one short of its last marker, and the lag `bin/suqi status` reports at one
 * per partition for as long as the agent is idle.
 */
final class CommittedPositions {

  private final Map<TopicPartition, Long> committed = new HashMap<>();

  /** Notes what was committed after handling records. */
  void committed(Map<TopicPartition, OffsetAndMetadata> offsets) {
    offsets.forEach((partition, offset) -> committed.put(partition, offset.offset()));
  }

  /**
   * After a poll that returned no record: commits each assigned partition whose position has moved
   * past what was committed. No task is skipped by it: a position only passes the records a poll
   * returned, and the markers between them.
   */
  void commitMoved(Consumer<?, ?> consumer) {
    Map<TopicPartition, OffsetAndMetadata> moved = new HashMap<>();
    for (TopicPartition partition : consumer.assignment()) {
      long position;
      try {
        position = consumer.position(partition, Duration.ZERO);
      } catch (TimeoutException e) {
        continue;   // no position yet: nothing was fetched from it
      }
      // Asked of the group once per partition: after a restart, the marker behind the last task
      // handled before it still needs committing.
      long at = committed.computeIfAbsent(partition, p -> committedInGroup(consumer, p));
      if (position > at) {
        moved.put(partition, new OffsetAndMetadata(position));
      }
    }
    if (!moved.isEmpty()) {
      consumer.commitSync(moved);
      committed(moved);
    }
  }

  private static long committedInGroup(Consumer<?, ?> consumer, TopicPartition partition) {
    OffsetAndMetadata offset = consumer.committed(Set.of(partition)).get(partition);
    return offset == null ? 0 : offset.offset();
  }
}
