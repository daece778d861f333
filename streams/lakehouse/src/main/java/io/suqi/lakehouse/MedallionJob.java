package io.suqi.lakehouse;

import io.suqi.lakehouse.bronze.RawEvent;
import io.suqi.lakehouse.gold.SalesAggregator;
import io.suqi.lakehouse.gold.SalesDeltaCombiner;
import io.suqi.lakehouse.gold.SalesCell;
import io.suqi.lakehouse.gold.SalesGrain;
import io.suqi.lakehouse.quality.ExpectationCounts;
import io.suqi.lakehouse.quality.QualityOutputs;
import io.suqi.lakehouse.quality.QualityPreTally;
import io.suqi.lakehouse.quality.QualityTally;
import io.suqi.lakehouse.quality.QualityTotals;
import io.suqi.lakehouse.quality.QualityWindowResults;
import io.suqi.lakehouse.quality.QuarantinedRecord;
import io.suqi.lakehouse.quality.WindowCount;
import io.suqi.lakehouse.reference.ReferenceDataSource;
import io.suqi.lakehouse.silver.QualityGate;
import io.suqi.lakehouse.silver.SaleTime;
import io.suqi.lakehouse.silver.SilverChange;
import io.suqi.lakehouse.silver.SilverTransaction;
import io.suqi.lakehouse.silver.TxnChange;
import io.suqi.lakehouse.silver.TxnChangeSerializer;
import io.suqi.lakehouse.silver.TxnMerger;
import java.time.Duration;
import java.util.Objects;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.windowing.assigners.TumblingProcessingTimeWindows;

/**
 * The medallion job: retail input records → bronze (as received) → silver (checked, quarantined,
 * deduplicated, merged) → gold (sales per store and day, store and hour, category and region).
 * Sources and sinks are given, so tests run the same topology on test sources and sinks.
 *
 * <p>Every stateful operator has a fixed uid so that checkpoints restore after code changes.
 * No medallion operator depends on event time: late and out-of-order records update gold whenever
 * they come. The source still assigns event time (the sale time, see {@link SaleTime}) and
 * per-partition watermarks, for the analytics attached to the returned streams. Quality windows
 * are processing-time windows: on a bounded input, the last open window is not written (Flink
 * fires no processing-time timers at the end of input).
 */
public final class MedallionJob {

  /**
   * How long an operator pre-aggregates before handing on: quality outcomes (at most the quality
   * window) and gold deltas (at most the gold flush interval, so freshness stays as configured).
   */
  private static final Duration PRE_TALLY = Duration.ofMillis(500);

  private final Source<RawEvent, ?, ?> input;
  private final MedallionSinks sinks;
  private final ReferenceDataSource referenceData;
  private final MedallionSettings settings;
  private final EventTimeSettings eventTime;

  /** With the default event time settings. */
  public MedallionJob(Source<RawEvent, ?, ?> input, MedallionSinks sinks, ReferenceDataSource referenceData,
      MedallionSettings settings) {
    this(input, sinks, referenceData, settings, EventTimeSettings.DEFAULTS);
  }

  public MedallionJob(Source<RawEvent, ?, ?> input, MedallionSinks sinks, ReferenceDataSource referenceData,
      MedallionSettings settings, EventTimeSettings eventTime) {
    this.input = Objects.requireNonNull(input, "input");
    this.sinks = Objects.requireNonNull(sinks, "sinks");
    this.referenceData = Objects.requireNonNull(referenceData, "referenceData");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.eventTime = Objects.requireNonNull(eventTime, "eventTime");
  }

  /** Adds the job's operators to {@code env}; run it with {@code env.execute} or {@code executeAsync}. */
  public MedallionStreams attachTo(StreamExecutionEnvironment env) {
    DataStream<RawEvent> raw = env.fromSource(input, SaleTime.watermarks(eventTime), "retail-input")
        .uid("retail-input");

    // Bronze: everything, before any parsing can reject it.
    raw.sinkTo(sinks.bronze()).name("bronze.raw_events").uid("bronze-sink");

    // Silver: expectations, quarantine, dedupe and merge.
    SingleOutputStreamOperator<TxnChange> accepted = raw
        .process(new QualityGate(referenceData), TxnChangeSerializer.TYPE).name("quality-gate").uid("quality-gate");
    SingleOutputStreamOperator<SilverTransaction> silver = accepted.keyBy(TxnChange::txnId)
        .process(new TxnMerger(settings.txnRetention())).name("txn-merger").uid("txn-merger");
    // One sink writes a version's header and lines in the same transaction (a reader never sees
    // a transaction without its lines), from each version with the one before it: a first version
    // is appended, and only a version that replaces another can have lines to delete. It runs in
    // a task of its own: chained, the merger waited for every COPY and merge in Postgres and was
    // the job's bottleneck (busy 94 %, its input backpressured).
    DataStream<SilverChange> changes = silver.getSideOutput(TxnMerger.CHANGES);
    changes.sinkTo(sinks.silver()).name("silver.transactions+items").uid("silver-sink").disableChaining();

    DataStream<QuarantinedRecord> quarantine = accepted.getSideOutput(QualityOutputs.QUARANTINE)
        .union(silver.getSideOutput(QualityOutputs.QUARANTINE));
    quarantine.sinkTo(sinks.quarantineTable()).name("silver.quarantine").uid("quarantine-table-sink");
    quarantine.sinkTo(sinks.quarantineTopic()).name("quarantine-topic").uid("quarantine-topic-sink");

    // Counting is cheap: each checking operator pre-tallies its outcomes, one operator adds them up
    // per window, then totals are kept per expectation.
    TypeInformation<ExpectationCounts> tallies = TypeInformation.of(ExpectationCounts.class);
    Duration preTally = settings.qualityWindow().compareTo(PRE_TALLY) < 0 ? settings.qualityWindow() : PRE_TALLY;
    DataStream<ExpectationCounts> outcomes = accepted.getSideOutput(QualityOutputs.OUTCOMES)
        .transform("quality-pre-tally-gate", tallies, new QualityPreTally(preTally)).uid("quality-pre-tally-gate")
        .union(silver.getSideOutput(QualityOutputs.OUTCOMES)
            .transform("quality-pre-tally-merger", tallies, new QualityPreTally(preTally))
            .uid("quality-pre-tally-merger"));
    outcomes.windowAll(TumblingProcessingTimeWindows.of(settings.qualityWindow()))
        .aggregate(new QualityTally(), new QualityWindowResults()).name("quality-windows").uid("quality-windows")
        .keyBy(WindowCount::expectation).process(new QualityTotals()).name("quality-totals").uid("quality-totals")
        .sinkTo(sinks.qualityResults()).name("silver.quality_results").uid("quality-results-sink");

    // Gold: absolute totals per row, from the deltas silver emits.
    Duration goldFlush = input.getBoundedness() == Boundedness.BOUNDED ? Duration.ZERO : settings.goldFlushInterval();
    Duration combine = goldFlush.compareTo(PRE_TALLY) < 0 ? goldFlush : PRE_TALLY;
    SingleOutputStreamOperator<SalesCell> totals = silver.getSideOutput(TxnMerger.SALES_DELTAS)
        .transform("sales-delta-combiner", TypeInformation.of(SalesCell.class), new SalesDeltaCombiner(combine))
        .uid("sales-delta-combiner")
        .keyBy(SalesCell::key).process(new SalesAggregator(goldFlush)).name("sales-aggregator").uid("sales-aggregator");
    for (SalesGrain grain : SalesGrain.values()) {
      String name = grain.name().toLowerCase();
      totals.filter(cell -> cell.grain() == grain).name("gold-" + name).uid("gold-filter-" + name)
          .sinkTo(sinks.gold().get(grain)).name("gold-" + name + "-sink").uid("gold-sink-" + name);
    }
    return new MedallionStreams(raw, silver, changes, quarantine, totals);
  }
}
