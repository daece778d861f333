package io.suqi.lakehouse.quality;

import io.suqi.lakehouse.combine.IntervalCombiner;
import java.time.Duration;
import org.apache.flink.streaming.api.operators.Output;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Counts the outcomes of the records passing through, chained to the operator that checks them,
 * and hands on one tally per interval: the quality windows then see a few elements a second
 * rather than one per input record (each of which cost a state update).
 */
public final class QualityPreTally extends IntervalCombiner<RecordQuality, ExpectationCounts> {

  private static final long serialVersionUID = 1L;

  private static final Expectation[] EXPECTATIONS = Expectation.values();

  /** Per expectation ordinal; a record's outcomes are bits, so counting is a loop over set bits. */
  private transient long[] checked;
  private transient long[] failed;
  private transient boolean any;

  public QualityPreTally(Duration interval) {
    super(interval);
  }

  @Override
  protected void add(RecordQuality record) {
    if (checked == null) {
      checked = new long[EXPECTATIONS.length];
      failed = new long[EXPECTATIONS.length];
    }
    for (int bits = record.checked(); bits != 0; bits &= bits - 1) {
      checked[Integer.numberOfTrailingZeros(bits)]++;
    }
    for (int bits = record.failed(); bits != 0; bits &= bits - 1) {
      failed[Integer.numberOfTrailingZeros(bits)]++;
    }
    any = true;
  }

  @Override
  protected void drain(Output<StreamRecord<ExpectationCounts>> output) {
    if (!any) {
      return;
    }
    ExpectationCounts counts = ExpectationCounts.empty();
    for (Expectation expectation : EXPECTATIONS) {
      int i = expectation.ordinal();
      if (checked[i] > 0) {
        counts.byExpectation().put(expectation.label(), new PassFail(checked[i] - failed[i], failed[i]));
      }
    }
    output.collect(new StreamRecord<>(counts));
    java.util.Arrays.fill(checked, 0);
    java.util.Arrays.fill(failed, 0);
    any = false;
  }
}
