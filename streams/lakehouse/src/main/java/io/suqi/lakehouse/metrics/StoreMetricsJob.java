package io.suqi.lakehouse.metrics;

import io.suqi.lakehouse.silver.SilverChange;
import java.time.Duration;
import java.util.Objects;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * Real-time store metrics, attached to the silver changes of the medallion job: per store and
 * event-time minute, completed transactions and revenue, to the real-time metrics topic and
 * gold.store_minute_metrics; changes too late for their minute to gold.late_events.
 *
 * <p>The event time is the sale time; the watermarks come from the medallion's source.
 */
public final class StoreMetricsJob {

  /** How long sales changes are added up before the shuffle: well under a minute, the metric's grain. */
  static final Duration COMBINE = Duration.ofMillis(500);

  private final MetricsSinks sinks;
  private final Duration allowedLateness;

  public StoreMetricsJob(MetricsSinks sinks, Duration allowedLateness) {
    this.sinks = Objects.requireNonNull(sinks, "sinks");
    this.allowedLateness = Objects.requireNonNull(allowedLateness, "allowedLateness");
  }

  /** Adds the metrics operators; returns the changes of store sales, for further analytics. */
  public DataStream<SaleDelta> attachTo(DataStream<SilverChange> silverChanges) {
    // Chained to silver's merger: no shuffle, no state. The changes are added up per store and
    // minute for a moment before the shuffle: the keyed operators then see a few per store.
    DataStream<SaleDelta> sales = silverChanges.flatMap(new SaleDeltas()).name("sale-deltas").uid("sale-deltas")
        .transform("sale-delta-combiner", TypeInformation.of(SaleDelta.class),
            new SaleDeltaCombiner(COMBINE, allowedLateness)).uid("sale-delta-combiner");
    SingleOutputStreamOperator<StoreMinute> minutes = sales.keyBy(SaleDelta::storeKey)
        .process(new MinuteAggregator(allowedLateness)).name("store-minutes").uid("store-minutes");
    minutes.sinkTo(sinks.topic()).name("metrics-topic").uid("metrics-topic-sink");
    minutes.sinkTo(sinks.table()).name("gold.store_minute_metrics").uid("store-minute-metrics-sink");
    minutes.getSideOutput(MinuteAggregator.LATE).sinkTo(sinks.lateEvents()).name("gold.late_events")
        .uid("late-events-sink");
    return sales;
  }
}
