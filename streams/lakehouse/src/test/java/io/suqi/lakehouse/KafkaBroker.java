package io.suqi.lakehouse;

import io.suqi.schemas.Topic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.metadata.bootstrap.BootstrapMetadata;
import org.apache.kafka.server.common.MetadataVersion;

/** A single-node KRaft Kafka on free ports (Kafka's own test kit). */
public final class KafkaBroker implements AutoCloseable {

  private final KafkaClusterTestKit cluster;
  private boolean closed;

  private KafkaBroker(KafkaClusterTestKit cluster) {
    this.cluster = cluster;
  }

  public static KafkaBroker start() throws Exception {
    // Transactions version 1: with version 2 Flink's Kafka committer logs a false "fenced, data
    // loss" error when it recovers after a restart (there is no loss; the tests prove it).
    BootstrapMetadata metadata = BootstrapMetadata.fromVersions(MetadataVersion.latestProduction(),
        Map.of("transaction.version", (short) 1, "group.version", (short) 1), "lakehouse-tests");
    KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
        .setBootstrapMetadata(metadata).setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
        .setConfigProp("offsets.topic.replication.factor", "1")
        .setConfigProp("transaction.state.log.replication.factor", "1")
        .setConfigProp("transaction.state.log.min.isr", "1")
        .setConfigProp("group.initial.rebalance.delay.ms", "0")
        .build();
    cluster.format();
    cluster.startup();
    cluster.waitForReadyBrokers();
    return new KafkaBroker(cluster);
  }

  public String bootstrapServers() {
    return cluster.bootstrapServers();
  }

  public void createTopics(List<Topic<?, ?>> topics) throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
      admin.createTopics(topics.stream().map(t -> new NewTopic(t.name(), t.partitions(), (short) 1)).toList())
          .all().get();
    }
  }

  /**
   * A producer that cannot lose or reorder records right after topic creation: acks from all
   * replicas, idempotent, one request in flight.
   */
  public KafkaProducer<String, String> producer() {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
    p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
  }

  /** Sends records in order and waits for every acknowledgement; returns where each landed. */
  public List<RecordMetadata> send(List<ProducerRecord<String, String>> records) throws Exception {
    try (KafkaProducer<String, String> producer = producer()) {
      List<Future<RecordMetadata>> sent = new ArrayList<>();
      for (ProducerRecord<String, String> record : records) {
        sent.add(producer.send(record));
      }
      List<RecordMetadata> landed = new ArrayList<>();
      for (Future<RecordMetadata> future : sent) {
        landed.add(future.get());
      }
      return landed;
    }
  }

  @Override
  public synchronized void close() throws Exception {
    if (!closed) {   // the test kit's close is not idempotent
      closed = true;
      cluster.close();
    }
  }
}
