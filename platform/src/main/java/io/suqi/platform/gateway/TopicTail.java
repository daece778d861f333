package io.suqi.platform.gateway;

import io.suqi.schemas.Topic;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every partition of a topic from its end (no consumer group) on a thread of its own and
 * hands each record to a handler: what arrives is for whichever gateway instance asked, and what
 * was there before is nobody's.
 */
final class TopicTail implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TopicTail.class);

  private final KafkaConsumer<String, byte[]> consumer;
  private final Thread thread;
  private final Topic<String, ?> topic;
  private volatile boolean running = true;

  /** @param handler gets each record's key and value, on the reading thread; it must not block */
  TopicTail(String bootstrapServers, Topic<String, ?> topic, BiConsumer<String, byte[]> handler) {
    this.topic = topic;
    consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20,
        // Uncommitted: the orchestrator commits its exactly-once transactions once a second, and a
        // person should not wait for that. A response of an aborted transaction is still an answer
        // to the question; its replay only produces another, which nobody waits for any more.
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted"),
        topic.keySerde().deserializer(), new ByteArrayDeserializer());
    List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
        .map(p -> new TopicPartition(p.topic(), p.partition()))
        .toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    // Resolve positions now, so a record produced right after start is not skipped.
    partitions.forEach(consumer::position);
    thread = new Thread(() -> run(handler), "suqi-tail-" + topic.name());
    thread.setDaemon(true);
    thread.start();
  }

  private void run(BiConsumer<String, byte[]> handler) {
    try {
      while (running) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
          handler.accept(record.key(), record.value());
        }
      }
    } catch (WakeupException e) {
      // stopping
    } catch (RuntimeException e) {
      LOG.error("the reader of {} stopped; questions will wait in vain until restart", topic, e);
    } finally {
      consumer.close();
    }
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
