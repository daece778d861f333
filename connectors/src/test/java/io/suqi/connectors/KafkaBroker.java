package io.suqi.connectors;

import io.suqi.schemas.Topic;
import io.suqi.schemas.Topics;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real single-node KRaft broker (Kafka's own test kit) configured like the embedded runtime's:
 * no topic auto-creation, and the cdc.* topics created up front as the runtime creates them.
 */
final class KafkaBroker implements AutoCloseable {

  private final KafkaClusterTestKit cluster;
  private boolean closed;

  private KafkaBroker(KafkaClusterTestKit cluster) {
    this.cluster = cluster;
  }

  static KafkaBroker start() throws Exception {
    KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
        .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
        .setConfigProp("auto.create.topics.enable", "false")
        .setConfigProp("group.initial.rebalance.delay.ms", "0")
        .setConfigProp("offsets.topic.replication.factor", "1")
        .setConfigProp("offsets.topic.num.partitions", "3")
        .setConfigProp("transaction.state.log.replication.factor", "1")
        .setConfigProp("transaction.state.log.min.isr", "1")
        .build();
    cluster.format();
    cluster.startup();
    cluster.waitForReadyBrokers();
    KafkaBroker broker = new KafkaBroker(cluster);
    broker.createCdcTopics();
    return broker;
  }

  String bootstrapServers() {
    return cluster.bootstrapServers();
  }

  private void createCdcTopics() throws Exception {
    List<NewTopic> cdc = Topics.all().stream()
        .filter(t -> t.name().startsWith(Topics.CDC_PREFIX + "."))
        .map(t -> new NewTopic(t.name(), t.partitions(), (short) 1))
        .toList();
    try (Admin admin = admin()) {
      admin.createTopics(cdc).all().get();
    }
  }

  void createTopic(Topic<?, ?> topic) throws Exception {
    createTopic(topic.name(), topic.partitions());
  }

  void createTopic(String name, int partitions) throws Exception {
    try (Admin admin = admin()) {
      admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
    }
  }

  Admin admin() {
    return Admin.create(Map.of("bootstrap.servers", bootstrapServers()));
  }

  @Override
  public void close() throws Exception {
    // The test kit's close() is not idempotent.
    if (!closed) {
      closed = true;
      cluster.close();
    }
  }
}
