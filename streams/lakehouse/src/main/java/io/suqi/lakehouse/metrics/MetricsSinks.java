package io.suqi.lakehouse.metrics;

import java.util.Objects;
import org.apache.flink.api.connector.sink2.Sink;

/**
 * Where the real-time metrics go. The job wires the real ones; tests pass collecting sinks.
 *
 * @param topic the real-time metrics topic (every emission of a minute, corrections included)
 * @param table gold.store_minute_metrics
 * @param lateEvents gold.late_events
 */
public record MetricsSinks(Sink<StoreMinute> topic, Sink<StoreMinute> table, Sink<LateSale> lateEvents) {

  public MetricsSinks {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(lateEvents, "lateEvents");
  }
}
