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

  private transient ExpectationCounts counts;

  public QualityPreTally(Duration interval) {
    super(interval);
  }

  @Override
  protected void add(RecordQuality record) {
    if (counts == null) {
      counts = ExpectationCounts.empty();
    }
    record.outcomes().forEach(counts::add);
  }

  @Override
  protected void drain(Output<StreamRecord<ExpectationCounts>> output) {
    if (counts != null) {
      output.collect(new StreamRecord<>(counts));
      counts = null;
    }
  }
}
