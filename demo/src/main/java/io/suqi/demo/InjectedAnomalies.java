package io.suqi.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

/**
 * Known anomalies for a data set, applied through the {@link DailyVolume} hook: chosen store-days
 * get a multiple of their expected volume, every other store-day keeps its sales exactly.
 *
 * <p>Only store-days where the anomaly is meaningful qualify: the store has at least
 * {@value #HISTORY_DAYS} days of sales before it (an anomaly is unusual against a history; without
 * one nothing is), the day is complete (not today), and it normally has at least
 * {@value #MIN_BASELINE_TRANSACTIONS} sales (no sales on a day that expects three is not an
 * outage, it is a quiet day). Kinds take turns (spike, drop, outage, spike, …); store-days and
 * sizes are drawn from the seed.
 */
final class InjectedAnomalies implements UnaryOperator<DailyVolume> {

  static final int HISTORY_DAYS = 70;
  static final double MIN_BASELINE_TRANSACTIONS = 15;

  private record StoreDay(Store store, LocalDate day) {}

  private final List<InjectedAnomaly> anomalies;
  private final Map<String, InjectedAnomaly> byStoreDay = new HashMap<>();

  private InjectedAnomalies(List<InjectedAnomaly> anomalies) {
    this.anomalies = List.copyOf(anomalies);
    anomalies.forEach(anomaly -> byStoreDay.put(key(anomaly.storeId(), anomaly.day()), anomaly));
  }

  static InjectedAnomalies none() {
    return new InjectedAnomalies(List.of());
  }

  /** Up to {@code count} anomalies on distinct qualifying store-days, in day and store order. */
  static InjectedAnomalies choose(int count, List<Store> stores, LoadWindow window, DailyVolume baseline,
      SplittableRandom random) {
    List<StoreDay> candidates = new ArrayList<>();
    for (LocalDate day : window.days()) {
      for (Store store : stores) {
        if (qualifies(store, day, window, baseline)) {
          candidates.add(new StoreDay(store, day));
        }
      }
    }
    List<InjectedAnomaly> chosen = new ArrayList<>();
    AnomalyKind[] kinds = AnomalyKind.values();
    for (int pick = 0; pick < Math.min(count, candidates.size()); pick++) {
      // A partial Fisher-Yates shuffle: the first picks are a uniform sample without repeats.
      Collections.swap(candidates, pick, pick + random.nextInt(candidates.size() - pick));
      StoreDay storeDay = candidates.get(pick);
      AnomalyKind kind = kinds[pick % kinds.length];
      chosen.add(new InjectedAnomaly(storeDay.store().tenantId(), storeDay.store().id(), storeDay.day(), kind,
          kind.drawFactor(random), baseline.expectedTransactions(storeDay.store(), storeDay.day())));
    }
    chosen.sort(Comparator.comparing(InjectedAnomaly::day).thenComparingLong(InjectedAnomaly::storeId));
    return new InjectedAnomalies(chosen);
  }

  private static boolean qualifies(Store store, LocalDate day, LoadWindow window, DailyVolume baseline) {
    LocalDate historyFrom = day.minusDays(HISTORY_DAYS);
    return !historyFrom.isBefore(window.firstDay()) && !historyFrom.isBefore(store.openedOn())
        && day.isBefore(window.today())
        && baseline.expectedTransactions(store, day) >= MIN_BASELINE_TRANSACTIONS;
  }

  List<InjectedAnomaly> list() {
    return anomalies;
  }

  @Override
  public DailyVolume apply(DailyVolume baseline) {
    if (anomalies.isEmpty()) {
      return baseline;
    }
    return (store, day) -> {
      InjectedAnomaly anomaly = byStoreDay.get(key(store.id(), day));
      double expected = baseline.expectedTransactions(store, day);
      return anomaly == null ? expected : expected * anomaly.volumeFactor();
    };
  }

  private static String key(long storeId, LocalDate day) {
    return storeId + "@" + day;
  }
}
