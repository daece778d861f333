package io.suqi.lakehouse.anomaly;

import java.util.Objects;
import org.apache.flink.api.connector.sink2.Sink;

/**
 * Where detected anomalies go. The job wires the real ones; tests pass collecting sinks.
 *
 * @param topic the anomalies topic
 * @param table gold.anomalies
 */
public record AnomalySinks(Sink<DetectedAnomaly> topic, Sink<DetectedAnomaly> table) {

  public AnomalySinks {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(table, "table");
  }
}
