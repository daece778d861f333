package io.suqi.lakehouse.gold;

import io.suqi.lakehouse.MedallionStreams;
import java.time.Duration;
import java.util.Objects;
import org.apache.flink.api.connector.sink2.Sink;

/**
 * Tells whoever caches answers over gold (the orchestrator) when a tenant's gold tables change:
 * at most one notice per tenant and interval, from the gold totals. With an exactly-once Kafka sink
 * a notice becomes visible when its checkpoint completes, after the JDBC sinks flushed the change.
 */
public final class GoldChangeJob {

  /** Often enough that a cached answer is stale for at most a few seconds. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);

  private final Sink<TenantGoldChange> sink;
  private final Duration interval;

  public GoldChangeJob(Sink<TenantGoldChange> sink, Duration interval) {
    this.sink = Objects.requireNonNull(sink, "sink");
    this.interval = Objects.requireNonNull(interval, "interval");
  }

  public void attachTo(MedallionStreams streams) {
    streams.goldTotals().keyBy(SalesCell::tenantId)
        .process(new GoldChangeNotifier(interval)).name("gold-change-notices").uid("gold-change-notices")
        .sinkTo(sink).name("gold-changes-topic").uid("gold-changes-topic-sink");
  }
}
