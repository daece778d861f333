package io.suqi.lakehouse.metrics;

import io.suqi.lakehouse.silver.SilverTransaction;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Turns the versions of each transaction (silver, keyed by txn_id) into changes of its store's
 * sales: it remembers what the last version counted and emits the difference. A refund, void or
 * delete therefore takes the sale back at its own sale time; a line arriving adds its revenue.
 *
 * <p>State of a txn_id is dropped {@code retention} after its last change (processing time), as
 * silver's dedupe state is: a change arriving later counts as a new sale.
 */
public final class SaleDeltas extends KeyedProcessFunction<String, SilverTransaction, SaleDelta> {

  private static final long serialVersionUID = 1L;

  private final long retentionMillis;
  private transient ValueState<CountedSale> counted;
  private transient ValueState<Integer> lastVersion;
  private transient ValueState<Long> cleanupAt;

  public SaleDeltas(Duration retention) {
    if (retention == null || retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("retention must be positive, was " + retention);
    }
    this.retentionMillis = retention.toMillis();
  }

  @Override
  public void open(OpenContext context) {
    counted = getRuntimeContext().getState(
        new ValueStateDescriptor<>("counted", TypeInformation.of(CountedSale.class)));
    lastVersion = getRuntimeContext().getState(new ValueStateDescriptor<>("last-version", Types.INT));
    cleanupAt = getRuntimeContext().getState(new ValueStateDescriptor<>("cleanup-at", Types.LONG));
  }

  @Override
  public void processElement(SilverTransaction txn, Context context, Collector<SaleDelta> out) throws Exception {
    CountedSale now = CountedSale.of(txn);
    int version = lastVersion.value() == null ? 0 : lastVersion.value();
    for (SaleDelta delta : CountedSale.difference(txn.txnId(), counted.value(), now)) {
      version++;
      out.collect(new SaleDelta(delta.txnId(), version, delta.tenantId(), delta.storeId(), delta.ts(),
          delta.txnCount(), delta.revenue(), delta.revenueSquared(), delta.unpriced()));
    }
    // The version number outlives a delete: a transaction brought back continues its numbering.
    lastVersion.update(version);
    if (now == null) {
      counted.clear();
    } else {
      counted.update(now);
    }
    Long scheduled = cleanupAt.value();
    if (scheduled != null) {
      context.timerService().deleteProcessingTimeTimer(scheduled);
    }
    long at = context.timerService().currentProcessingTime() + retentionMillis;
    context.timerService().registerProcessingTimeTimer(at);
    cleanupAt.update(at);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext context, Collector<SaleDelta> out) {
    counted.clear();
    lastVersion.clear();
    cleanupAt.clear();
  }
}
