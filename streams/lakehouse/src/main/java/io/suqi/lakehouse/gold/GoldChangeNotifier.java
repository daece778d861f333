package io.suqi.lakehouse.gold;

import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * One notice per tenant and interval that its gold tables changed, however many cells changed:
 * the first change arms a processing-time timer; the timer emits the notice and disarms. Keyed by
 * tenant; the state (one flag) is cleared when the notice goes out.
 */
public final class GoldChangeNotifier extends KeyedProcessFunction<String, SalesCell, TenantGoldChange> {

  private static final long serialVersionUID = 1L;

  private final long intervalMillis;
  private transient ValueState<Boolean> armed;

  public GoldChangeNotifier(Duration interval) {
    if (interval == null || interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be positive, was " + interval);
    }
    this.intervalMillis = interval.toMillis();
  }

  @Override
  public void open(OpenContext context) {
    armed = getRuntimeContext().getState(new ValueStateDescriptor<>("armed", Types.BOOLEAN));
  }

  @Override
  public void processElement(SalesCell cell, Context context, Collector<TenantGoldChange> out) throws Exception {
    if (armed.value() == null) {
      armed.update(true);
      context.timerService().registerProcessingTimeTimer(context.timerService().currentProcessingTime() + intervalMillis);
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext context, Collector<TenantGoldChange> out) {
    out.collect(new TenantGoldChange(context.getCurrentKey(), Instant.ofEpochMilli(timestamp)));
    armed.clear();
  }
}
