package io.suqi.lakehouse.metrics;

import io.suqi.lakehouse.silver.SilverTransaction;
import java.time.Duration;
import java.util.Objects;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * Real-time store metrics, attached to the silver stream of the medallion job: per store and
 * event-time minute, completed transactions and revenue, to the real-time metrics topic and
 * gold.store_minute_metrics; changes too late for their minute to gold.late_events.
 *
 * <p>The event time is the sale time; the watermarks come from the medallion's source.
 */
public final class StoreMetricsJob {

  private final MetricsSinks sinks;
  private final Duration allowedLateness;
  private final Duration saleRetention;

  /**
   * @param saleRetention how long what a transaction counted is remembered after its last change
   *     (use the medallion's txnRetention: a change after it counts as new there too)
   */
  public StoreMetricsJob(MetricsSinks sinks, Duration allowedLateness, Duration saleRetention) {
    this.sinks = Objects.requireNonNull(sinks, "sinks");
    this.allowedLateness = Objects.requireNonNull(allowedLateness, "allowedLateness");
    this.saleRetention = Objects.requireNonNull(saleRetention, "saleRetention");
  }

  /** Adds the metrics operators; returns the changes of store sales, for further analytics. */
  public DataStream<SaleDelta> attachTo(DataStream<SilverTransaction> silver) {
    DataStream<SaleDelta> sales = silver.keyBy(SilverTransaction::txnId)
        .process(new SaleDeltas(saleRetention)).name("sale-deltas").uid("sale-deltas");
    SingleOutputStreamOperator<StoreMinute> minutes = sales.keyBy(SaleDelta::storeKey)
        .process(new MinuteAggregator(allowedLateness)).name("store-minutes").uid("store-minutes");
    minutes.sinkTo(sinks.topic()).name("metrics-topic").uid("metrics-topic-sink");
    minutes.sinkTo(sinks.table()).name("gold.store_minute_metrics").uid("store-minute-metrics-sink");
    minutes.getSideOutput(MinuteAggregator.LATE).sinkTo(sinks.lateEvents()).name("gold.late_events")
        .uid("late-events-sink");
    return sales;
  }
}
