package io.suqi.orchestrator.log;

import io.suqi.schemas.OrchestrationEvent;
import io.suqi.schemas.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies suqi.orchestration-log into Postgres (see {@link OrchestrationLogStore}). Each poll is
 * written in one transaction and its offsets are committed only after the database commit, so a
 * crash redelivers rather than loses events (and redelivery is harmless). While Postgres is down
 * the batch is retried with backoff, the consumer rewound to it, and nothing is committed.
 */
public final class OrchestrationLogWriter implements AutoCloseable {

  public static final String DEFAULT_GROUP_ID = "suqi-orchestration-log-writer";

  private static final Logger LOG = LoggerFactory.getLogger(OrchestrationLogWriter.class);
  private static final Duration POLL_TIMEOUT = Duration.ofMillis(200);
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
  /** Kept well under max.poll.interval.ms, so a long outage does not cost the group membership. */
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private final Supplier<Consumer<String, byte[]>> consumers;
  private final OrchestrationLogStore store;
  private final Deserializer<OrchestrationEvent> events = Topics.ORCHESTRATION_LOG.valueSerde().deserializer();
  private final CountDownLatch stopping = new CountDownLatch(1);
  private volatile Consumer<String, byte[]> consumer;
  private Thread worker;

  public OrchestrationLogWriter(String bootstrapServers, DataSource dataSource) {
    this(bootstrapServers, DEFAULT_GROUP_ID, dataSource);
  }

  public OrchestrationLogWriter(String bootstrapServers, String groupId, DataSource dataSource) {
    this(bootstrapServers, groupId, Optional.empty(), dataSource);
  }

  /**
   * @param groupInstanceId a stable id of this instance (Kafka static membership): a restarted
   *     writer takes its partitions back at once instead of after the session timeout
   */
  public OrchestrationLogWriter(String bootstrapServers, String groupId, Optional<String> groupInstanceId,
      DataSource dataSource) {
    this(() -> new KafkaConsumer<>(consumerProperties(bootstrapServers, groupId, groupInstanceId),
        new StringDeserializer(), new ByteArrayDeserializer()), new OrchestrationLogStore(dataSource));
    requireText(bootstrapServers, "bootstrapServers");
    requireText(groupId, "groupId");
  }

  /** For tests: any consumer (e.g. a MockConsumer) in place of a Kafka one. */
  OrchestrationLogWriter(Supplier<Consumer<String, byte[]>> consumers, OrchestrationLogStore store) {
    this.consumers = consumers;
    this.store = store;
  }

  private static Properties consumerProperties(String bootstrapServers, String groupId,
      Optional<String> groupInstanceId) {
    Properties properties = new Properties();
    properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    properties.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    properties.put(ConsumerConfig.CLIENT_ID_CONFIG, groupId);
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
    // The orchestrator writes exactly once: read only what its transactions committed.
    properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    groupInstanceId.ifPresent(id -> properties.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, id));
    return properties;
  }

  /** Starts copying on a thread of its own. */
  public synchronized void start() {
    if (worker != null) {
      throw new IllegalStateException("the orchestration log writer was already started");
    }
    consumer = consumers.get();
    worker = new Thread(this::run, "orchestration-log-writer");
    worker.start();
  }

  /** Stops copying; what was written but not yet committed is redelivered next time. Idempotent. */
  public synchronized void stop() {
    stopping.countDown();
    if (worker == null) {
      return;
    }
    consumer.wakeup();
    try {
      worker.join(STOP_TIMEOUT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (worker.isAlive()) {
      LOG.warn("orchestration log writer did not stop within {}", STOP_TIMEOUT);
    }
  }

  @Override
  public void close() {
    stop();
  }

  private void run() {
    try (Consumer<String, byte[]> kafka = consumer) {
      kafka.subscribe(List.of(Topics.ORCHESTRATION_LOG.name()));
      Duration backoff = FIRST_BACKOFF;
      while (!stopped()) {
        ConsumerRecords<String, byte[]> records = kafka.poll(POLL_TIMEOUT);
        if (records.isEmpty()) {
          continue;
        }
        if (write(decode(records), backoff)) {
          commit(kafka, records);
          if (backoff != FIRST_BACKOFF) {
            LOG.info("orchestration log writer reached Postgres again; writing resumed");
          }
          backoff = FIRST_BACKOFF;
        } else {
          rewind(kafka, records); // the next poll fetches the same batch again
          pause(backoff);
          backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
      }
    } catch (WakeupException e) {
      if (!stopped()) {
        LOG.error("orchestration log writer woken up unexpectedly; it stops", e);
      }
    } catch (RuntimeException e) {
      LOG.error("orchestration log writer failed and stops; uncommitted events are redelivered on restart", e);
    }
  }

  private List<OrchestrationEvent> decode(ConsumerRecords<String, byte[]> records) {
    List<OrchestrationEvent> decoded = new ArrayList<>(records.count());
    for (ConsumerRecord<String, byte[]> record : records) {
      try {
        OrchestrationEvent event = events.deserialize(record.topic(), record.value());
        if (event == null) {
          LOG.warn("skipping empty record at {}-{}@{}", record.topic(), record.partition(), record.offset());
        } else {
          decoded.add(event);
        }
      } catch (SerializationException e) {
        LOG.warn("skipping undecodable record at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
            e.getMessage());
      }
    }
    return decoded;
  }

  private boolean write(List<OrchestrationEvent> batch, Duration nextRetryIn) {
    try {
      store.write(batch);
      return true;
    } catch (Exception e) { // SQLException, or a pool's runtime error: either way, keep the batch and retry
      LOG.warn("cannot write {} orchestration events to Postgres, retrying in {} ms (offsets not committed): {}",
          batch.size(), nextRetryIn.toMillis(), e.toString());
      return false;
    }
  }

  private static void commit(Consumer<String, byte[]> kafka, ConsumerRecords<String, byte[]> records) {
    Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
    for (TopicPartition partition : records.partitions()) {
      List<ConsumerRecord<String, byte[]>> batch = records.records(partition);
      next.put(partition, new OffsetAndMetadata(batch.get(batch.size() - 1).offset() + 1));
    }
    try {
      kafka.commitSync(next);
    } catch (WakeupException e) {
      throw e;
    } catch (KafkaException e) {
      // e.g. a rebalance took the partitions: the rows are written, a redelivery is harmless
      LOG.warn("cannot commit orchestration log offsets, the batch may be redelivered: {}", e.toString());
    }
  }

  private static void rewind(Consumer<String, byte[]> kafka, ConsumerRecords<String, byte[]> records) {
    for (TopicPartition partition : records.partitions()) {
      kafka.seek(partition, records.records(partition).get(0).offset());
    }
  }

  private void pause(Duration backoff) {
    try {
      stopping.await(backoff.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopping.countDown();
    }
  }

  private boolean stopped() {
    return stopping.getCount() == 0;
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
