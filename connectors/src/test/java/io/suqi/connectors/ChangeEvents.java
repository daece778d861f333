package io.suqi.connectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.suqi.schemas.Topic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads the Debezium change events of one cdc.* topic from its beginning, as JSON. */
final class ChangeEvents implements AutoCloseable {

  /** One record: its key, and its value or null for a tombstone. */
  record Event(JsonNode key, JsonNode value) {
    String op() {
      return value == null ? null : value.path("op").asText();
    }

    boolean tombstone() {
      return value == null;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final KafkaConsumer<String, String> consumer;
  private final List<Event> seen = new ArrayList<>();

  ChangeEvents(String bootstrapServers, Topic<?, ?> topic) {
    consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers, "auto.offset.reset", "earliest",
        "enable.auto.commit", "false"), new StringDeserializer(), new StringDeserializer());
    List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
  }

  /** Polls until the events seen so far (in order per key) satisfy {@code done}, or fails after {@code timeout}. */
  List<Event> await(Predicate<List<Event>> done, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!done.test(seen)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("after " + timeout + " the change events are still " + seen);
      }
      for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
        seen.add(new Event(parse(r.key()), r.value() == null ? null : parse(r.value())));
      }
    }
    return List.copyOf(seen);
  }

  private static JsonNode parse(String json) {
    try {
      return json == null ? null : JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + json, e);
    }
  }

  @Override
  public void close() {
    consumer.close();
  }
}
