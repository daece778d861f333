package io.suqi.lakehouse.platinum;

import static io.suqi.lakehouse.platinum.StoreDayFeatures.LONGEST_WINDOW_DAYS;

import io.suqi.lakehouse.gold.SalesCell;
import io.suqi.lakehouse.gold.SalesGrain;
import io.suqi.lakehouse.metrics.StoreKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the absolute daily totals of each store (gold {@link SalesGrain#DAILY_STORE}, keyed by
 * "tenant/store") into its feature rows. The totals of each day are kept in state; when a day
 * changes, the rows that depend on it are recomputed from state and emitted: that day's and those
 * of the {@value StoreDayFeatures#LONGEST_WINDOW_DAYS} days after it, up to the store's latest day.
 * Rows are absolute values, so the upsert is idempotent and a replay converges. In normal streaming
 * only today changes, and today is the latest day: one row per change.
 *
 * <p>The series is contiguous: a first sale on a new latest day also emits the days without sales
 * since the previous latest (and a sale before the first day, the days up to it), all zero. A day
 * whose total drops to zero transactions is removed from state and its rows are emitted at zero.
 *
 * <p>State is bounded per store: days more than {@code featureRetentionDays} (plus the longest
 * window, which the days still applied read) before the latest day are removed when the latest day
 * advances, and a change to such a day is ignored, logged and counted rather than failing the job.
 */
public final class StoreDayFeaturizer extends KeyedProcessFunction<String, SalesCell, StoreDayFeatures> {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(StoreDayFeaturizer.class);
  private static final long DAY_SECONDS = Duration.ofDays(1).toSeconds();

  private final int retentionDays;
  private transient MapState<Long, DaySales> days;
  private transient ValueState<FeatureSpan> span;
  private transient Counter beyondRetention;

  public StoreDayFeaturizer(PlatinumSettings settings) {
    this.retentionDays = settings.featureRetentionDays();
  }

  /** The key of a store's totals: "tenant/store", as the other store analytics key them. */
  public static String storeKey(SalesCell total) {
    return new StoreKey(total.tenantId(), total.storeId()).toString();
  }

  /** The daily totals kept per store, by UTC epoch day. */
  static MapStateDescriptor<Long, DaySales> daysDescriptor() {
    return new MapStateDescriptor<>("days", Types.LONG, TypeInformation.of(DaySales.class));
  }

  @Override
  public void open(OpenContext context) {
    days = getRuntimeContext().getMapState(daysDescriptor());
    span = getRuntimeContext().getState(new ValueStateDescriptor<>("span", TypeInformation.of(FeatureSpan.class)));
    beyondRetention = getRuntimeContext().getMetricGroup().counter("changesBeyondRetention");
  }

  @Override
  public void processElement(SalesCell total, Context context, Collector<StoreDayFeatures> out) throws Exception {
    long day = Math.floorDiv(total.bucket().getEpochSecond(), DAY_SECONDS);
    FeatureSpan before = span.value();
    if (before != null && day < before.latestDay() - retentionDays) {
      beyondRetention.inc();
      LOG.warn("store {}: change to day {} ignored, more than {} days before its latest sale day {}",
          context.getCurrentKey(), day, retentionDays, before.latestDay());
      return;
    }
    boolean hasSales = total.txnCount() > 0;
    if (hasSales) {
      days.put(day, new DaySales(total.revenue(), total.txnCount(), total.units()));
    } else {
      days.remove(day);
      if (before == null || !before.contains(day)) {
        return;   // no row was ever written for it
      }
    }
    FeatureSpan after = before == null ? FeatureSpan.of(day) : before.including(day);
    long horizon = after.latestDay() - retentionDays;
    long from = (before == null || day <= before.latestDay()) ? day : before.latestDay() + 1;
    long to = before == null ? day
        : Math.max(Math.min(day + LONGEST_WINDOW_DAYS, after.latestDay()), before.firstDay() - 1);
    emit(StoreKey.parse(context.getCurrentKey()), Math.max(from, horizon), to, out);
    if (before != null && after.latestDay() > before.latestDay()) {
      forgetBefore(horizon - LONGEST_WINDOW_DAYS);
    }
    span.update(after);
  }

  /** Emits the rows of days {@code from} … {@code to}, reading each day of their windows once. */
  private void emit(StoreKey store, long from, long to, Collector<StoreDayFeatures> out) throws Exception {
    long first = from - LONGEST_WINDOW_DAYS;
    DaySales[] window = new DaySales[(int) (to - first + 1)];
    for (int i = 0; i < window.length; i++) {
      window[i] = days.get(first + i);
    }
    SalesHistory history = new SalesHistory(first, window);
    for (long day = from; day <= to; day++) {
      out.collect(StoreDayFeatures.of(store, day, history));
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
}
