package io.suqi.orchestrator.table;

import java.util.Arrays;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The serde of a table the router reads for every question (API keys, tenant policies, gold changes):
 * its store hands back the same few values again and again, so each distinct encoding is decoded once
 * and the decoded value is given again while the bytes are equal. A changed value has other bytes and
 * is decoded afresh, so nothing is ever read stale. The values given out are shared: readers must not
 * change them.
 */
public final class TableValueSerde<T> implements Serde<T> {

  /** Slots by the bytes' hash; a table has a few values per tenant, and a collision only decodes again. */
  private static final int SLOTS = 256;

  private final Serde<T> inner;
  /** Immutable entries, published racily: a stream thread sees null, an older entry or a whole one. */
  private final Decoded<?>[] slots = new Decoded<?>[SLOTS];

  private final Deserializer<T> deserializer;

  public TableValueSerde(Serde<T> inner) {
    this.inner = inner;
    this.deserializer = remembering(inner.deserializer());
  }

  private record Decoded<T>(byte[] bytes, T value) {}

  @Override
  public Serializer<T> serializer() {
    return inner.serializer();
  }

  /** One instance: a store asks for it at every read. */
  @Override
  public Deserializer<T> deserializer() {
    return deserializer;
  }

  private Deserializer<T> remembering(Deserializer<T> decoder) {
    return (topic, bytes) -> {
      if (bytes == null) {
        return null;
      }
      int slot = Arrays.hashCode(bytes) & (SLOTS - 1);
      @SuppressWarnings("unchecked")
      Decoded<T> known = (Decoded<T>) slots[slot];
      if (known != null && Arrays.equals(known.bytes(), bytes)) {
        return known.value();
      }
      T value = decoder.deserialize(topic, bytes);
      slots[slot] = new Decoded<>(bytes.clone(), value);   // the store's array is not ours to keep
      return value;
    };
  }
}
