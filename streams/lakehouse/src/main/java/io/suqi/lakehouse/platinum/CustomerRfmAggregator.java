package io.suqi.lakehouse.platinum;

import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keeps the absolute RFM values of each customer (keyed by "tenant/customer") from the changes of
 * their purchases, and emits them after each change: absolute values, so the upsert is idempotent.
 *
 * <p>The first and last purchase times must stay right when a purchase is taken back, which totals
 * alone cannot do: the purchases are also counted per sale time, and when the earliest or latest
 * one goes, the next is found among them. A customer whose frequency returns to zero is emitted
 * once more (the sink deletes the row) and their state is cleared, so state lives as long as the
 * customer has a completed purchase, and grows with their purchases, not with traffic.
 */
public final class CustomerRfmAggregator extends KeyedProcessFunction<String, PurchaseChanges, CustomerRfm> {

  private static final long serialVersionUID = 1L;

  private transient ValueState<CustomerTotals> totals;
  private transient MapState<Instant, Integer> purchases;

  @Override
  public void open(OpenContext context) {
    totals = getRuntimeContext().getState(
        new ValueStateDescriptor<>("totals", TypeInformation.of(CustomerTotals.class)));
    purchases = getRuntimeContext().getMapState(new MapStateDescriptor<>("purchases", Types.INSTANT, Types.INT));
  }

  @Override
  public void processElement(PurchaseChanges changes, Context context, Collector<CustomerRfm> out) throws Exception {
    CustomerKey customer = CustomerKey.parse(context.getCurrentKey());
    CustomerTotals current = totals.value();
    CustomerTotals updated = (current == null ? CustomerTotals.NONE : current).plus(changes);
    if (updated.frequency() <= 0) {
      totals.clear();
      purchases.clear();
      out.collect(CustomerRfm.gone(customer));
      return;
    }
    boolean extremeTakenBack = false;
    for (PurchaseChanges.TimedCount purchase : changes.purchases()) {
      Instant ts = purchase.ts();
      // No purchase kept is later than the last purchase time, so a later one (nearly every
      // purchase of live traffic) is new: no state read for it.
      Instant latest = updated.lastPurchaseAt();
      Integer before = latest == null || ts.isAfter(latest) ? null : purchases.get(ts);
      int now = (before == null ? 0 : before) + purchase.count();
      if (now > 0) {
        purchases.put(ts, now);
      } else {
        purchases.remove(ts);
      }
      if (purchase.count() > 0) {
        updated = updated.including(ts);
      } else if (now <= 0 && (ts.equals(updated.firstPurchaseAt()) || ts.equals(updated.lastPurchaseAt()))) {
        extremeTakenBack = true;   // the first or last purchase is gone: found again below
      }
    }
    if (extremeTakenBack) {
      updated = withExtremesOfPurchases(updated);
    }
    totals.update(updated);
    out.collect(CustomerRfm.of(customer, updated));
  }

  private CustomerTotals withExtremesOfPurchases(CustomerTotals current) throws Exception {
    Instant first = null;
    Instant last = null;
    for (Instant ts : purchases.keys()) {
      first = first == null || ts.isBefore(first) ? ts : first;
      last = last == null || ts.isAfter(last) ? ts : last;
    }
    return current.between(first, last);
  }
}
