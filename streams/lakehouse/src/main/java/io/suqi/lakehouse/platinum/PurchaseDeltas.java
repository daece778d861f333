package io.suqi.lakehouse.platinum;

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
 * Turns the versions of each transaction (silver, keyed by txn_id) into changes of its customer's
 * purchases: it remembers what the last version counted and emits the difference, as the store
 * metrics' SaleDeltas do for stores. A refund, void or delete therefore takes the purchase back at
 * its own sale time; lines arriving add their revenue; a customer assigned later moves the purchase.
 *
 * <p>What a transaction counted is kept {@code retention} after its last change (processing time),
 * as silver's dedupe state is: a change arriving later counts as new. A version that counts nothing
 * needs nothing remembered (the next version is compared with nothing either way), so its state and
 * timer are dropped at once.
 */
public final class PurchaseDeltas extends KeyedProcessFunction<String, SilverTransaction, PurchaseDelta> {

  private static final long serialVersionUID = 1L;

  private final long retentionMillis;
  private transient ValueState<PurchaseMemory> memory;

  public PurchaseDeltas(Duration retention) {
    if (retention == null || retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("retention must be positive, was " + retention);
    }
    this.retentionMillis = retention.toMillis();
  }

  @Override
  public void open(OpenContext context) {
    memory = getRuntimeContext().getState(
        new ValueStateDescriptor<>("purchase", TypeInformation.of(PurchaseMemory.class)));
  }

  @Override
  public void processElement(SilverTransaction txn, Context context, Collector<PurchaseDelta> out) throws Exception {
    PurchaseMemory remembered = memory.value();
    CountedPurchase now = CountedPurchase.of(txn);
    for (PurchaseDelta delta : CountedPurchase.difference(remembered == null ? null : remembered.counted(), now)) {
      out.collect(delta);
    }
    if (now == null) {
      if (remembered != null) {
        remembered.retention().cancel(context.timerService());
        memory.clear();
      }
      return;
    }
    Retention retention = remembered == null ? Retention.NONE : remembered.retention();
    memory.update(new PurchaseMemory(now, retention.touched(context.timerService(), retentionMillis)));
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext context, Collector<PurchaseDelta> out) throws Exception {
    PurchaseMemory remembered = memory.value();
    if (remembered == null) {
      return;
    }
    if (remembered.retention().expiredAt(timestamp, retentionMillis)) {
      memory.clear();
    } else {
      memory.update(new PurchaseMemory(remembered.counted(),
          remembered.retention().postponed(context.timerService(), retentionMillis)));
    }
  }
}
