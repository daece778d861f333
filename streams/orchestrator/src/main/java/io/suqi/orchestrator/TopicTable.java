package io.suqi.orchestrator;

import io.suqi.schemas.Topic;
import java.util.function.UnaryOperator;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a global store equal to a compacted topic (API keys, tenant policies, gold changes): the
 * latest value per key, a tombstone deletes. Values are read as bytes and decoded here, so a record
 * that is not of the topic's schema is skipped with a warning instead of stopping the global thread.
 */
final class TopicTable<V> implements Processor<String, byte[], Void, Void> {

  private static final Logger LOG = LoggerFactory.getLogger(TopicTable.class);

  private final Topic<String, V> topic;
  private final String storeName;
  private final UnaryOperator<V> onArrival;
  private KeyValueStore<String, V> store;

  /** @param onArrival what is stored of each value as it arrives */
  TopicTable(Topic<String, V> topic, String storeName, UnaryOperator<V> onArrival) {
    this.topic = topic;
    this.storeName = storeName;
    this.onArrival = onArrival;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    store = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, byte[]> record) {
    if (record.key() == null) {
      LOG.warn("skipping a record without key on {}", topic);
      return;
    }
    if (record.value() == null) {
      store.delete(record.key());
      return;
    }
    try {
      store.put(record.key(), onArrival.apply(topic.valueSerde().deserializer().deserialize(topic.name(), record.value())));
    } catch (SerializationException e) {
      LOG.warn("skipping record {} on {}: not a {} ({})", record.key(), topic, storeName, e.getMessage());
    }
  }
}
