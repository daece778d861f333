package io.suqi.lakehouse.platinum;

import io.suqi.lakehouse.silver.SilverChange;
import io.suqi.lakehouse.silver.SilverTransaction;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * Turns each change of a transaction's silver version into changes of its customer's purchases:
 * what the new version counts minus what the previous one did, as the store metrics' SaleDeltas
 * do for stores. A refund, void or delete therefore takes the purchase back at its own sale time;
 * lines arriving add their revenue; a customer assigned later moves the purchase. Silver hands
 * over the previous version, so this needs no state of its own.
 */
public final class PurchaseDeltas implements FlatMapFunction<SilverChange, PurchaseDelta> {

  private static final long serialVersionUID = 1L;

  @Override
  public void flatMap(SilverChange change, Collector<PurchaseDelta> out) {
    for (PurchaseDelta delta : CountedPurchase.difference(counted(change.previous()), counted(change.current()))) {
      out.collect(delta);
    }
  }

  private static CountedPurchase counted(SilverTransaction version) {
    return version == null ? null : CountedPurchase.of(version);
  }
}
