package io.suqi.lakehouse.platinum;

import io.suqi.lakehouse.combine.IntervalCombiner;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.operators.Output;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Adds up a customer's purchase changes of one interval before they are shuffled to the RFM
 * aggregate: a regular customer then costs it one state read and write of their totals per
 * interval instead of one per purchase. The purchase times stay apart (with their net counts),
 * because first and last purchase must stay right when a purchase is taken back.
 */
public final class PurchaseDeltaCombiner extends IntervalCombiner<PurchaseDelta, PurchaseChanges> {

  private static final long serialVersionUID = 1L;

  private transient Map<CustomerKey, Sum> combined;

  /** What is held for one customer. */
  private static final class Sum {
    int txnCount;
    BigDecimal revenue = BigDecimal.ZERO;
    final Map<Instant, Integer> counts = new LinkedHashMap<>();
  }

  public PurchaseDeltaCombiner(Duration interval) {
    super(interval);
  }

  @Override
  protected void add(PurchaseDelta delta) {
    if (combined == null) {
      combined = new HashMap<>();
    }
    Sum sum = combined.computeIfAbsent(new CustomerKey(delta.tenantId(), delta.customerId()), key -> new Sum());
    sum.txnCount += delta.txnCount();
    sum.revenue = sum.revenue.add(delta.revenue());
    if (delta.txnCount() != 0) {
      sum.counts.merge(delta.ts(), delta.txnCount(), Integer::sum);
    }
  }

  @Override
  protected void drain(Output<StreamRecord<PurchaseChanges>> output) {
    if (combined == null || combined.isEmpty()) {
      return;
    }
    combined.forEach((customer, sum) -> {
      List<PurchaseChanges.TimedCount> purchases = new ArrayList<>(sum.counts.size());
      sum.counts.forEach((ts, count) -> {
        if (count != 0) {
          purchases.add(new PurchaseChanges.TimedCount(ts, count));
        }
      });
      output.collect(new StreamRecord<>(new PurchaseChanges(customer.tenantId(), customer.customerId(), sum.txnCount,
          sum.revenue, purchases)));
    });
    combined.clear();
  }
}
