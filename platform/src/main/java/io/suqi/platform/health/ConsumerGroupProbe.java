package io.suqi.platform.health;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;

/**
 * A consumer group as Kafka sees it, wherever its members run: state, members, and lag (records on
 * its input topics not yet committed). Works for agents and the orchestrator in other processes.
 */
final class ConsumerGroupProbe {

  private static final long TIMEOUT_SECONDS = 3;

  private final Admin admin;

  ConsumerGroupProbe(Admin admin) {
    this.admin = admin;
  }

  record GroupStatus(String state, int members, long lag) {}

  GroupStatus probe(String groupId, List<String> topics) throws Exception {
    ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(groupId)).all()
        .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(groupId);
    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
        .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    admin.describeTopics(topics).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).values()
        .forEach(topic -> topic.partitions().forEach(p ->
            latest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest())));
    long lag = 0;
    for (var end : admin.listOffsets(latest).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).entrySet()) {
      OffsetAndMetadata at = committed.get(end.getKey());
      lag += Math.max(0, end.getValue().offset() - (at == null ? 0 : at.offset()));
    }
    GroupState state = group.groupState();
    return new GroupStatus(state.toString(), group.members().size(), lag);
  }

  static Duration timeout() {
    return Duration.ofSeconds(TIMEOUT_SECONDS);
  }
}
