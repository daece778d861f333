package io.suqi.schemas;

import org.apache.kafka.common.serialization.Serde;

/**
 * A Kafka topic with the serdes of its key and value: the one place a topic's name is spelled.
 *
 * @param partitions the partition count the runtime creates the topic with
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, int partitions) {

  @Override
  public String toString() {
    return name;
  }
}
