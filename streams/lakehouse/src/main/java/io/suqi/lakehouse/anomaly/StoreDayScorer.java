package io.suqi.lakehouse.anomaly;

import io.suqi.lakehouse.metrics.SaleDelta;
import io.suqi.lakehouse.metrics.StoreKey;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
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
 * Scores each UTC day of each store (keyed by "tenant/store") once event time has passed it:
 * transaction count and revenue against the store's baseline ({@link WeekdayBaseline}); a metric
 * scoring beyond its threshold is an anomaly (a spike above, a drop below; see
 * {@link AnomalySettings#isAnomalous}).
 *
 * <p>A day is closed by an event-time timer, not by its sales, so a day without any sale is scored
 * too, as zero: that is how an outage shows (no sales when sales are expected). One timer per store,
 * for the next day to close; each close schedules the next. Days are kept for the baseline weeks
 * only. A change for a day already scored corrects the baseline but does not score the day again.
 *
 * <p>A store silent for {@code forgetAfterSilentDays} is forgotten (state and timer dropped). At the
 * end of a bounded input the watermark jumps to the end of time: a day is then scored only if the
 * store has a later sale, since otherwise it may just be where the input stopped.
 */
public final class StoreDayScorer extends KeyedProcessFunction<String, SaleDelta, DetectedAnomaly> {

  private static final long serialVersionUID = 1L;
  static final long DAY = Duration.ofDays(1).toMillis();

  private final AnomalySettings settings;
  private final long graceMillis;
  private transient WeekdayBaseline baseline;
  private transient MapState<Long, DayTotals> days;
  private transient ValueState<ScorerProgress> progress;

  /** @param grace how long after midnight (in event time) a day is closed: the allowed lateness */
  public StoreDayScorer(AnomalySettings settings, Duration grace) {
    if (grace == null || grace.isNegative()) {
      throw new IllegalArgumentException("grace must be zero or positive, was " + grace);
    }
    this.settings = settings;
    this.graceMillis = grace.toMillis();
  }

  @Override
  public void open(OpenContext context) {
    baseline = new WeekdayBaseline(settings.baselineWeeks(), settings.minBaselineWeeks());
    days = getRuntimeContext().getMapState(
        new MapStateDescriptor<>("days", Types.LONG, TypeInformation.of(DayTotals.class)));
    progress = getRuntimeContext().getState(
        new ValueStateDescriptor<>("progress", TypeInformation.of(ScorerProgress.class)));
  }

  @Override
  public void processElement(SaleDelta delta, Context context, Collector<DetectedAnomaly> out) throws Exception {
    long day = Math.floorDiv(delta.ts().toEpochMilli(), DAY);
    ScorerProgress current = progress.value();
    if (current == null || (!current.started() && day < current.nextDay())) {
      // First sight of the store, or an earlier day before any was scored: scoring starts there.
      if (current != null) {
        context.timerService().deleteEventTimeTimer(closeOf(current.nextDay()));
      }
      current = new ScorerProgress(day, false, current == null ? Long.MIN_VALUE : current.lastSaleAt());
      context.timerService().registerEventTimeTimer(closeOf(day));
    }
    if (day >= current.nextDay() || days.contains(day)) {
      DayTotals totals = days.get(day);
      days.put(day, (totals == null ? DayTotals.NONE : totals).plus(delta));
    }
    // else: older than the baseline weeks kept; nothing it could still change
    progress.update(delta.txnCount() > 0 ? current.withSaleAt(delta.ts().toEpochMilli()) : current);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext context, Collector<DetectedAnomaly> out) throws Exception {
    ScorerProgress current = progress.value();
    long day = current.nextDay();
    boolean endOfInput = context.timerService().currentWatermark() == Long.MAX_VALUE;
    if (endOfInput && current.lastSaleAt() < (day + 1) * DAY) {
      clear();
      return;
    }
    DayTotals observed = days.get(day);
    if (observed == null) {
      observed = DayTotals.NONE;
      days.put(day, observed);   // a day without sales is a zero in later baselines
    }
    for (DetectedAnomaly anomaly : anomalies(StoreKey.parse(context.getCurrentKey()), day, observed,
        context.timerService().currentProcessingTime())) {
      out.collect(anomaly);
    }
    forgetBefore(day + 1 - 7L * settings.baselineWeeks());
    long next = day + 1;
    boolean silent = current.lastSaleAt() == Long.MIN_VALUE
        || next * DAY - current.lastSaleAt() > settings.forgetAfterSilentDays() * DAY;
    if (silent) {
      clear();
      return;
    }
    progress.update(current.scored(day));
    context.timerService().registerEventTimeTimer(closeOf(next));
  }

  private List<DetectedAnomaly> anomalies(StoreKey store, long day, DayTotals observed, long now) {
    List<DetectedAnomaly> found = new ArrayList<>(2);
    // Both metrics score against the same baseline days: read each from the state once.
    int span = 7 * settings.baselineWeeks();
    DayTotals[] history = new DayTotals[span + 1];
    for (int back = 1; back <= span; back++) {
      history[back] = dayTotals(day - back);
    }
    LongFunction<DayTotals> earlier = d -> day - d >= 1 && day - d <= span ? history[(int) (day - d)] : dayTotals(d);
    for (AnomalyMetric metric : AnomalyMetric.values()) {
      var score = baseline.score(metric, day, observed, earlier);
      if (score.isPresent() && settings.isAnomalous(metric, score.get().score())) {
        found.add(DetectedAnomaly.ofDay(store, metric, LocalDate.ofEpochDay(day), score.get(),
            Instant.ofEpochMilli(now)));
      }
    }
    return found;
  }

  private DayTotals dayTotals(long day) {
    try {
      return days.get(day);
    } catch (Exception e) {
      throw new IllegalStateException("cannot read the totals of day " + day, e);
    }
  }

  private void forgetBefore(long firstKept) throws Exception {
    List<Long> old = new ArrayList<>();
    for (Long kept : days.keys()) {
      if (kept < firstKept) {
        old.add(kept);
      }
    }
    for (Long day : old) {
      days.remove(day);
    }
  }

  private void clear() {
    days.clear();
    progress.clear();
  }

  private long closeOf(long day) {
    return (day + 1) * DAY - 1 + graceMillis;
  }
}
