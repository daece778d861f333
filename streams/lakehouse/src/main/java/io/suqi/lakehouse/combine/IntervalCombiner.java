package io.suqi.lakehouse.combine;

import java.time.Duration;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.operators.Output;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Local pre-aggregation, chained to the operator that produces the elements: folds what arrives
 * within an interval into a few elements and hands those on, so the keyed aggregate downstream
 * (and the shuffle to it) sees a handful of elements per interval instead of one per input record.
 *
 * <p>Whatever is held is handed on before every checkpoint barrier and at the end of input, so no
 * element is held across a checkpoint: the operator needs no state, and a restore replays exactly
 * what was not yet counted downstream. With a zero interval every element is handed on at once.
 * Whatever is held is also handed on before a watermark is passed on, so that an element reaches
 * an event-time operator downstream under the same watermark as if it had not been held: holding
 * never makes an element late.
 *
 * @param <IN> what arrives
 * @param <OUT> what is handed on
 */
public abstract class IntervalCombiner<IN, OUT> extends AbstractStreamOperator<OUT>
    implements OneInputStreamOperator<IN, OUT> {

  private static final long serialVersionUID = 1L;

  private final long intervalMillis;
  private transient boolean emitScheduled;
  private transient long watermark;

  protected IntervalCombiner(Duration interval) {
    if (interval == null || interval.isNegative()) {
      throw new IllegalArgumentException("interval must be zero or positive, was " + interval);
    }
    this.intervalMillis = interval.toMillis();
  }

  @Override
  public void open() throws Exception {
    super.open();
    watermark = Long.MIN_VALUE;
  }

  /** Folds one element into what is held. */
  protected abstract void add(IN element);

  /** Hands on everything held (to {@code output}), and forgets it. */
  protected abstract void drain(Output<StreamRecord<OUT>> output);

  @Override
  public final void processElement(StreamRecord<IN> record) {
    add(record.getValue());
    if (intervalMillis == 0) {
      drain(output);
    } else if (!emitScheduled) {
      emitScheduled = true;
      long now = getProcessingTimeService().getCurrentProcessingTime();
      getProcessingTimeService().registerTimer(now + intervalMillis, at -> {
        emitScheduled = false;
        drain(output);
      });
    }
  }

  /** The last watermark passed on: no element handed on from now can be later than it downstream. */
  protected final long currentWatermark() {
    return watermark;
  }

  @Override
  public void processWatermark(Watermark mark) throws Exception {
    drain(output);
    watermark = mark.getTimestamp();
    super.processWatermark(mark);
  }

  @Override
  public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
    super.prepareSnapshotPreBarrier(checkpointId);
    drain(output);
  }

  @Override
  public void finish() throws Exception {
    drain(output);
    super.finish();
  }
}
