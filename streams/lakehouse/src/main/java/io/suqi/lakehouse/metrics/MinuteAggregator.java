package io.suqi.lakehouse.metrics;

import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Per store (keyed by "tenant/store") and event-time minute of the sale time: completed
 * transactions and revenue. A tumbling window with allowed lateness, written out because the event
 * time is a field of the change, not the record's timestamp: a refund's record is stamped when the
 * refund arrived, but it changes the minute of the sale.
 *
 * <p>A minute is emitted when the watermark passes its end. A change arriving after that but
 * within {@code allowedLateness} updates it and emits the corrected total at once (the newer record
 * supersedes); the minute's state is dropped once the watermark passes its end plus the allowed
 * lateness. A change arriving later than that leaves the minute as it was and goes to the
 * {@link #LATE} side output with its reason, so it is recorded rather than lost.
 */
public final class MinuteAggregator extends KeyedProcessFunction<String, SaleDelta, StoreMinute> {

  private static final long serialVersionUID = 1L;
  static final long MINUTE = Duration.ofMinutes(1).toMillis();

  public static final OutputTag<LateSale> LATE = new OutputTag<>("late-sales", TypeInformation.of(LateSale.class));

  private final long allowedLatenessMillis;
  private transient MapState<Long, MinuteTotal> minutes;

  public MinuteAggregator(Duration allowedLateness) {
    if (allowedLateness == null || allowedLateness.isNegative()) {
      throw new IllegalArgumentException("allowedLateness must be zero or positive, was " + allowedLateness);
    }
    this.allowedLatenessMillis = allowedLateness.toMillis();
  }

  @Override
  public void open(OpenContext context) {
    minutes = getRuntimeContext().getMapState(
        new MapStateDescriptor<>("minutes", Types.LONG, TypeInformation.of(MinuteTotal.class)));
  }

  @Override
  public void processElement(SaleDelta delta, Context context, Collector<StoreMinute> out) throws Exception {
    long start = Math.floorDiv(delta.ts().toEpochMilli(), MINUTE) * MINUTE;
    long lastMoment = start + MINUTE - 1;
    long watermark = context.timerService().currentWatermark();
    if (lastMoment + allowedLatenessMillis <= watermark) {
      context.output(LATE, LateSale.of(delta, context.timerService().currentProcessingTime(), watermark));
      return;
    }
    MinuteTotal stored = minutes.get(start);
    MinuteTotal total = (stored == null ? MinuteTotal.EMPTY : stored).plus(delta);
    if (lastMoment <= watermark) {
      // Already emitted once, still within the allowed lateness: send the correction now.
      emit(context.getCurrentKey(), start, total, out);
    } else {
      minutes.put(start, total);
    }
    if (stored == null) {
      // A minute's timers are registered with its first change: registering again per record would
      // cost a state write each, for timers that are already there.
      if (lastMoment > watermark) {
        context.timerService().registerEventTimeTimer(lastMoment);
      }
      if (allowedLatenessMillis > 0) {
        context.timerService().registerEventTimeTimer(lastMoment + allowedLatenessMillis);
      }
    }
  }

  /** The end of one minute and, with a lateness of whole minutes, the end of another's lateness. */
  @Override
  public void onTimer(long timestamp, OnTimerContext context, Collector<StoreMinute> out) throws Exception {
    long ending = timestamp + 1 - MINUTE;
    MinuteTotal total = minutes.get(ending);
    if (total != null && !total.emitted()) {
      emit(context.getCurrentKey(), ending, total, out);
    }
    if (allowedLatenessMillis == 0) {
      minutes.remove(ending);
    } else {
      minutes.remove(ending - allowedLatenessMillis);
    }
  }

  private void emit(String storeKey, long start, MinuteTotal total, Collector<StoreMinute> out) throws Exception {
    if (!total.isSilent()) {
      StoreKey store = StoreKey.parse(storeKey);
      out.collect(new StoreMinute(store.tenantId(), store.storeId(), Instant.ofEpochMilli(start),
          Instant.ofEpochMilli(start + MINUTE), total.txnCount(), total.revenue()));
    }
    minutes.put(start, total.asEmitted());
  }
}
