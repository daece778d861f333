package io.suqi.lakehouse;

import io.suqi.lakehouse.anomaly.AnomalyJob;
import io.suqi.lakehouse.gold.GoldChangeJob;
import io.suqi.lakehouse.metrics.StoreMetricsJob;
import io.suqi.lakehouse.platinum.PlatinumJob;
import java.util.Objects;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The one job the lakehouse runs: the medallion layers, with the real-time store metrics attached
 * to its silver version changes, anomaly detection attached to the metrics' store sales, and the
 * platinum features attached to its gold totals and silver version changes, and the gold-change
 * notices attached to its gold totals. One job, one read of Kafka, one checkpoint covering all of it.
 */
public final class LakehouseJob {

  private final MedallionJob medallion;
  private final StoreMetricsJob metrics;
  private final AnomalyJob anomalies;
  private final PlatinumJob platinum;
  private final GoldChangeJob goldChanges;

  public LakehouseJob(MedallionJob medallion, StoreMetricsJob metrics, AnomalyJob anomalies, PlatinumJob platinum,
      GoldChangeJob goldChanges) {
    this.medallion = Objects.requireNonNull(medallion, "medallion");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.anomalies = Objects.requireNonNull(anomalies, "anomalies");
    this.platinum = Objects.requireNonNull(platinum, "platinum");
    this.goldChanges = Objects.requireNonNull(goldChanges, "goldChanges");
  }

  /** Adds every operator to {@code env}; returns the medallion's streams for further extensions. */
  public MedallionStreams attachTo(StreamExecutionEnvironment env) {
    // Every type the job passes between operators is an immutable record, so chained operators may
    // share an instance instead of each receiving a deep (reflective) copy of it.
    env.getConfig().enableObjectReuse();
    MedallionStreams streams = medallion.attachTo(env);
    anomalies.attachTo(metrics.attachTo(streams.silverChanges()));
    platinum.attachTo(streams);
    goldChanges.attachTo(streams);
    return streams;
  }
}
