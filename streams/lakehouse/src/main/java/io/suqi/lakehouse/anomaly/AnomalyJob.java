package io.suqi.lakehouse.anomaly;

import io.suqi.lakehouse.metrics.SaleDelta;
import java.time.Duration;
import java.util.Objects;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Anomaly detection, attached to the store sales changes of the metrics job: each store-day
 * scored once event time passed it, anomalies to the anomalies topic and gold.anomalies.
 */
public final class AnomalyJob {

  private final AnomalySinks sinks;
  private final AnomalySettings settings;
  private final Duration grace;

  /** @param grace how long after midnight a day is scored: the allowed lateness of event time */
  public AnomalyJob(AnomalySinks sinks, AnomalySettings settings, Duration grace) {
    this.sinks = Objects.requireNonNull(sinks, "sinks");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.grace = Objects.requireNonNull(grace, "grace");
  }

  public DataStream<DetectedAnomaly> attachTo(DataStream<SaleDelta> sales) {
    DataStream<DetectedAnomaly> anomalies = sales.keyBy(SaleDelta::storeKey)
        .process(new StoreDayScorer(settings, grace)).name("store-day-scorer").uid("store-day-scorer");
    anomalies.sinkTo(sinks.topic()).name("anomalies-topic").uid("anomalies-topic-sink");
    anomalies.sinkTo(sinks.table()).name("gold.anomalies").uid("anomalies-table-sink");
    return anomalies;
  }
}
