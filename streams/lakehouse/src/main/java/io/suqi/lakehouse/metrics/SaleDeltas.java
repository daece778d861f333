package io.suqi.lakehouse.metrics;

import io.suqi.lakehouse.silver.SilverChange;
import io.suqi.lakehouse.silver.SilverTransaction;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * Turns each change of a transaction's silver version into changes of its store's sales: what the
 * new version counts minus what the previous one did. A refund, void or delete therefore takes
 * the sale back at its own sale time; a line arriving adds its revenue. Silver hands over the
 * previous version, so this needs no state of its own.
 *
 * <p>A change yields at most two deltas (the old sale taken back, the new one counted), numbered
 * {@code 2 × (version − 1) + 1} and {@code + 2}: a stable identity of each delta across replays.
 */
public final class SaleDeltas implements FlatMapFunction<SilverChange, SaleDelta> {

  private static final long serialVersionUID = 1L;

  @Override
  public void flatMap(SilverChange change, Collector<SaleDelta> out) {
    int number = 2 * (change.number() - 1);
    for (SaleDelta delta : CountedSale.difference(change.txnId(), counted(change.previous()),
        counted(change.current()))) {
      number++;
      out.collect(new SaleDelta(delta.txnId(), number, delta.tenantId(), delta.storeId(), delta.ts(),
          delta.txnCount(), delta.revenue(), delta.revenueSquared(), delta.unpriced()));
    }
  }

  private static CountedSale counted(SilverTransaction version) {
    return version == null ? null : CountedSale.of(version);
  }
}
