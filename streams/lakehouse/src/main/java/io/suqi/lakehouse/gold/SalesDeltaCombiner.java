package io.suqi.lakehouse.gold;

import io.suqi.lakehouse.combine.IntervalCombiner;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.streaming.api.operators.Output;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Adds up the gold deltas of one interval per gold row before they are shuffled to the
 * {@link SalesAggregator}: a busy store-day receives one delta per interval instead of one per
 * sale. Deltas add up (revenue, units and transactions are sums), so the totals are the same.
 *
 * <p>A combined delta of zero (a sale and its refund) is handed on all the same: after a restore,
 * the row may hold a total written after the checkpoint (the sale alone), and only the aggregate's
 * next emission for that row (here: zero transactions, so the row is deleted) corrects it.
 */
public final class SalesDeltaCombiner extends IntervalCombiner<SalesCell, SalesCell> {

  private static final long serialVersionUID = 1L;

  private transient Map<SalesCell.Row, SalesCell> combined;

  public SalesDeltaCombiner(Duration interval) {
    super(interval);
  }

  @Override
  protected void add(SalesCell delta) {
    if (combined == null) {
      combined = new HashMap<>();
    }
    combined.merge(delta.row(), delta, SalesCell::plus);
  }

  @Override
  protected void drain(Output<StreamRecord<SalesCell>> output) {
    if (combined == null || combined.isEmpty()) {
      return;
    }
    for (SalesCell delta : combined.values()) {
      output.collect(new StreamRecord<>(delta));
    }
    combined.clear();
  }
}
