package io.suqi.lakehouse.metrics;

import io.suqi.lakehouse.combine.IntervalCombiner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.operators.Output;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Adds up the store sales changes of one interval per store, minute and direction before they are
 * shuffled to the minute metrics and anomaly scoring, which only ever add them up: a busy store
 * then costs those keyed operators (and their state) one change per interval instead of one per
 * sale. Sales (+1), take-backs (-1) and revenue-only changes (0) are added up apart, so a sum still
 * says whether it counts a sale, which anomaly scoring reads to know when a store last sold.
 *
 * <p>A change that may be too late for its minute downstream (its minute plus the allowed lateness
 * is behind the watermark) is handed on as it came: the late-events table records it by
 * transaction. Every other change reaches the minute operator before any later watermark (see
 * {@link IntervalCombiner}), so a sum is never late there.
 */
public final class SaleDeltaCombiner extends IntervalCombiner<SaleDelta, SaleDelta> {

  private static final long serialVersionUID = 1L;

  private final long allowedLatenessMillis;
  private transient Map<Group, SaleDelta> combined;
  private transient List<SaleDelta> asReceived;

  /** What a sum covers: a store's changes of one direction in one minute of sale time. */
  private record Group(String tenantId, long storeId, long minute, int direction) {
  }

  public SaleDeltaCombiner(Duration interval, Duration allowedLateness) {
    super(interval);
    if (allowedLateness == null || allowedLateness.isNegative()) {
      throw new IllegalArgumentException("allowedLateness must be zero or positive, was " + allowedLateness);
    }
    this.allowedLatenessMillis = allowedLateness.toMillis();
  }

  @Override
  protected void add(SaleDelta delta) {
    if (combined == null) {
      combined = new HashMap<>();
      asReceived = new ArrayList<>();
    }
    long minute = Math.floorDiv(delta.ts().toEpochMilli(), MinuteAggregator.MINUTE);
    long lastMoment = (minute + 1) * MinuteAggregator.MINUTE - 1;
    if (lastMoment + allowedLatenessMillis <= currentWatermark()) {
      asReceived.add(delta);
    } else {
      combined.merge(new Group(delta.tenantId(), delta.storeId(), minute, Integer.signum(delta.txnCount())), delta,
          SaleDelta::plus);
    }
  }

  @Override
  protected void drain(Output<StreamRecord<SaleDelta>> output) {
    if (combined == null) {
      return;
    }
    for (SaleDelta delta : asReceived) {
      output.collect(new StreamRecord<>(delta));
    }
    for (SaleDelta delta : combined.values()) {
      output.collect(new StreamRecord<>(delta));
    }
    asReceived.clear();
    combined.clear();
  }
}
