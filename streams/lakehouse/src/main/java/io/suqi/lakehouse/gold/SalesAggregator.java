package io.suqi.lakehouse.gold;

import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keeps the absolute total of each gold row (keyed by {@link SalesCell#key()}) and emits it.
 * Writing absolute values makes the sink idempotent: after a restore the replayed deltas rebuild
 * the same totals and the last write wins. No event-time window is involved, so a store's
 * backlog days late simply updates those days.
 *
 * <p>A busy row (a store's today) changes with every sale; its total is emitted at most once per
 * {@code flushInterval} (processing time), the latest value then, which spares the database
 * thousands of overwritten upserts. Pending totals and their timers are checkpointed. Flink does
 * not fire processing-time timers at the end of a bounded input, so a bounded job uses a zero
 * interval: every change is emitted at once.
 *
 * <p>A row whose last completed transaction was taken back has a total of zero transactions: it is
 * emitted once more (the sink deletes the row) and its state is cleared. Otherwise state lives as
 * long as the row: its size is bounded by tenants × stores × days (× categories), not by traffic.
 */
public final class SalesAggregator extends KeyedProcessFunction<String, SalesCell, SalesCell> {

  private static final long serialVersionUID = 1L;

  private final long flushIntervalMillis;
  private transient ValueState<GoldTotal> state;

  public SalesAggregator(Duration flushInterval) {
    if (flushInterval == null || flushInterval.isNegative()) {
      throw new IllegalArgumentException("flushInterval must be zero or positive, was " + flushInterval);
    }
    this.flushIntervalMillis = flushInterval.toMillis();
  }

  @Override
  public void open(OpenContext context) {
    state = getRuntimeContext().getState(new ValueStateDescriptor<>("gold-total", TypeInformation.of(GoldTotal.class)));
  }

  @Override
  public void processElement(SalesCell delta, Context context, Collector<SalesCell> out) throws Exception {
    GoldTotal current = state.value();
    SalesCell total = current == null ? delta : current.total().plus(delta);
    if (flushIntervalMillis == 0) {
      flush(total, out);
      return;
    }
    long flushAt = current == null ? 0 : current.flushAt();
    if (flushAt == 0) {
      flushAt = context.timerService().currentProcessingTime() + flushIntervalMillis;
      context.timerService().registerProcessingTimeTimer(flushAt);
    }
    state.update(new GoldTotal(total, flushAt));
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext context, Collector<SalesCell> out) throws Exception {
    GoldTotal current = state.value();
    if (current != null) {
      flush(current.total(), out);
    }
  }

  /** Emits the total; keeps it without a pending flush, or forgets a row left with no transaction. */
  private void flush(SalesCell total, Collector<SalesCell> out) throws Exception {
    out.collect(total);
    if (total.txnCount() <= 0) {
      state.clear();
    } else {
      state.update(new GoldTotal(total, 0));
    }
  }
}
