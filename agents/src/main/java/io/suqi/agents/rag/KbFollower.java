package io.suqi.agents.rag;

import io.suqi.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows {@link Topics#CDC_KB_DOCUMENTS} and hands each poll's changes to the {@link KbIndexer}.
 * Offsets are committed once the changes are in kb.chunks; a change that fails (Postgres away) is
 * retried from the same offsets after a pause, so none is skipped. Its consumer group is its own
 * per agent instance: every instance holds the whole index, so each reads every partition.
 */
public final class KbFollower implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(KbFollower.class);
  private static final Duration POLL = Duration.ofMillis(100);
  private static final Duration RETRY_BACKOFF = Duration.ofSeconds(1);

  private final KbIndexer indexer;
  private final Map<String, Object> consumerProps;
  private final CountDownLatch stopRequested = new CountDownLatch(1);
  private volatile Consumer<String, String> consumer;
  private volatile Thread thread;
  private volatile Instant lastPollAt;

  public KbFollower(String bootstrapServers, String groupId, KbIndexer indexer) {
    this.indexer = Objects.requireNonNull(indexer, "indexer");
    Map<String, Object> props = new HashMap<>();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, groupId + "-consumer");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50); // an edit should not wait for a fuller fetch
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
    this.consumerProps = props;
  }

  public synchronized void start() {
    if (thread != null) {
      throw new IllegalStateException("the knowledge-base follower was already started");
    }
    consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new StringDeserializer());
    thread = new Thread(this::run, "rag-kb-follower");
    thread.start();
  }

  /** When it last polled CDC: the index is at most this old plus one poll. */
  public Optional<Instant> lastHeartbeat() {
    return Optional.ofNullable(lastPollAt);
  }

  private void run() {
    try {
      consumer.subscribe(List.of(Topics.CDC_KB_DOCUMENTS.name()));
      while (stopRequested.getCount() > 0) {
        try {
          ConsumerRecords<String, String> records = consumer.poll(POLL);
          lastPollAt = Instant.now();
          if (!records.isEmpty()) {
            apply(records);
          }
        } catch (WakeupException e) {
          // stop() was called
        } catch (Exception e) {
          LOG.warn("rag index: changes not applied, retrying: {}", e.toString());
          backOff();
        }
      }
    } finally {
      consumer.close();
    }
  }

  private void apply(ConsumerRecords<String, String> records) throws Exception {
    List<DocumentChange> changes = new ArrayList<>();
    Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
    Map<TopicPartition, Long> first = new HashMap<>();
    for (ConsumerRecord<String, String> record : records) {
      TopicPartition partition = new TopicPartition(record.topic(), record.partition());
      first.putIfAbsent(partition, record.offset());
      next.put(partition, new OffsetAndMetadata(record.offset() + 1));
      try {
        DebeziumKbChanges.parse(record.key(), record.value()).ifPresent(changes::add);
      } catch (IllegalArgumentException e) {
        LOG.warn("rag index: skipping {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
            e.getMessage());
      }
    }
    try {
      indexer.apply(changes);
    } catch (Exception e) {
      first.forEach(consumer::seek); // the same changes again after the pause
      throw e;
    }
    consumer.commitSync(next);
  }

  private void backOff() {
    try {
      stopRequested.await(RETRY_BACKOFF.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Idempotent. */
  public synchronized void stop() {
    if (thread == null || stopRequested.getCount() == 0) {
      return;
    }
    stopRequested.countDown();
    consumer.wakeup();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop();
  }
}
