package io.suqi.platform.gateway;

import io.suqi.schemas.Response;
import io.suqi.schemas.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each response on suqi.responses to the HTTP request waiting for it. Every gateway
 * instance reads every partition from the end (no consumer group): a response is for whichever
 * instance asked, and old responses are nobody's.
 */
final class ResponseWaiter implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ResponseWaiter.class);

  private final KafkaConsumer<String, byte[]> consumer;
  private final Map<String, CompletableFuture<Response>> waiting = new ConcurrentHashMap<>();
  private final Thread thread;
  private volatile boolean running = true;

  ResponseWaiter(String bootstrapServers) {
    consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20,
        // Uncommitted: the orchestrator commits its exactly-once transactions every 100 ms, and a
        // person should not wait for that. A response of an aborted transaction is still an answer
        // to the question; its replay only produces another, which nobody waits for any more.
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted"),
        Topics.RESPONSES.keySerde().deserializer(), new ByteArrayDeserializer());
    List<TopicPartition> partitions = consumer.partitionsFor(Topics.RESPONSES.name()).stream()
        .map(p -> new TopicPartition(p.topic(), p.partition()))
        .toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    // Resolve positions now, so a response produced right after start is not skipped.
    partitions.forEach(consumer::position);
    thread = new Thread(this::run, "suqi-response-waiter");
    thread.setDaemon(true);
    thread.start();
  }

  /** Registers interest in a query's response; call before the question is published. */
  CompletableFuture<Response> expect(String queryId) {
    return waiting.computeIfAbsent(queryId, id -> new CompletableFuture<>());
  }

  void forget(String queryId) {
    waiting.remove(queryId);
  }

  private void run() {
    try {
      while (running) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
          CompletableFuture<Response> future = waiting.remove(record.key());
          if (future != null) {
            try {
              future.complete(Topics.RESPONSES.valueSerde().deserializer().deserialize(record.topic(), record.value()));
            } catch (RuntimeException e) {
              future.completeExceptionally(e);
            }
          }
        }
      }
    } catch (WakeupException e) {
      // stopping
    } catch (RuntimeException e) {
      LOG.error("the response reader stopped; questions will time out until restart", e);
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
