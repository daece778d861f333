package io.suqi.lakehouse.metrics;

import io.suqi.lakehouse.retention.Retention;
import io.suqi.lakehouse.silver.SilverTransaction;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
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
  private transient ValueState<SaleMemory> memory;

  public SaleDeltas(Duration retention) {
    if (retention == null || retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("retention must be positive, was " + retention);
    }
    this.retentionMillis = retention.toMillis();
  }

  @Override
  public void open(OpenContext context) {
    memory = getRuntimeContext().getState(new ValueStateDescriptor<>("sale", TypeInformation.of(SaleMemory.class)));
  }

  @Override
  public void processElement(SilverTransaction txn, Context context, Collector<SaleDelta> out) throws Exception {
    SaleMemory remembered = memory.value();
    CountedSale now = CountedSale.of(txn);
    // The version number outlives a delete: a transaction brought back continues its numbering.
    int version = remembered == null ? 0 : remembered.lastVersion();
    for (SaleDelta delta : CountedSale.difference(txn.txnId(), remembered == null ? null : remembered.counted(), now)) {
      version++;
      out.collect(new SaleDelta(delta.txnId(), version, delta.tenantId(), delta.storeId(), delta.ts(),
          delta.txnCount(), delta.revenue(), delta.revenueSquared(), delta.unpriced()));
    }
    Retention retention = remembered == null ? Retention.NONE : remembered.retention();
    memory.update(new SaleMemory(now, version, retention.touched(context.timerService(), retentionMillis)));
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext context, Collector<SaleDelta> out) throws Exception {
    SaleMemory remembered = memory.value();
    if (remembered == null) {
      return;
    }
    if (remembered.retention().expiredAt(timestamp, retentionMillis)) {
      memory.clear();
    } else {
      memory.update(new SaleMemory(remembered.counted(), remembered.lastVersion(),
          remembered.retention().postponed(context.timerService(), retentionMillis)));
    }
  }
}
