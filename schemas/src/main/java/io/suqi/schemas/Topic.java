package io.suqi.schemas;

import org.apache.kafka.common.serialization.Serde;

/**
 * A Kafka topic with the serdes of its key and value: the one place a topic's name is spelled.
 *
 * @param partitions the partition count the runtime creates the topic with
 * @param compacted whether the topic keeps the latest value per key (cleanup.policy=compact) rather
 *     than a time-bounded log: for tables such as API keys and tenant policies
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, int partitions, boolean compacted) {

  /** A topic with the default (delete) cleanup policy. */
  public Topic(String name, Serde<K> keySerde, Serde<V> valueSerde, int partitions) {
    this(name, keySerde, valueSerde, partitions, false);
  }

  @Override
  public String toString() {
    return name;
  }
}
