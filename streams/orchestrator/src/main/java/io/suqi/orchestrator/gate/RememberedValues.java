package io.suqi.orchestrator.gate;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;

/**
 * A store's value serde that remembers what it decoded. The key and policy stores are read for every
 * question and change rarely; an Avro decode costs several times a lookup by the bytes' content.
 * Keyed by content, so a changed value is decoded afresh. The values it returns are shared between
 * reads (and stream threads): the gates only read them.
 */
final class RememberedValues {

  /** More distinct values than this and the memory starts afresh: a bound, not an eviction policy. */
  static final int CAPACITY = 10_000;

  private RememberedValues() {}

  static <V> Serde<V> of(Serde<V> serde) {
    Deserializer<V> decoder = serde.deserializer();
    Map<Bytes, V> decoded = new ConcurrentHashMap<>();
    Deserializer<V> remembering = (topic, bytes) -> {
      if (bytes == null) {
        return null;
      }
      Bytes content = Bytes.wrap(bytes);
      V value = decoded.get(content);
      if (value == null) {
        value = decoder.deserialize(topic, bytes);
        if (decoded.size() >= CAPACITY) {
          decoded.clear();
        }
        decoded.put(Bytes.wrap(bytes.clone()), value);   // the store may reuse its array
      }
      return value;
    };
    return Serdes.serdeFrom(serde.serializer(), remembering);
  }
}
