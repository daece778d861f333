package io.suqi.orchestrator;

import io.suqi.schemas.Topic;
import java.util.Optional;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;

/**
 * Decodes a record read as bytes. One the orchestrator wrote itself (tasks, plans, answers) or an
 * agent's result that is not of its topic's schema is skipped with a warning: the stream goes on.
 */
final class Decoding {

  private Decoding() {}

  static <V> Optional<V> decode(Topic<String, V> topic, Record<String, byte[]> record, Logger log) {
    if (record.value() == null) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(topic.valueSerde().deserializer().deserialize(topic.name(), record.value()));
    } catch (SerializationException e) {
      log.warn("skipping a record on {} that cannot be read (key {}): {}", topic.name(), record.key(), e.getMessage());
      return Optional.empty();
    }
  }
}
