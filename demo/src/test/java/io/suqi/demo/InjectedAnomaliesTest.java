package io.suqi.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class InjectedAnomaliesTest {

  private static final LoadWindow WINDOW =
      LoadWindow.endingAt(Clock.fixed(Instant.parse("2025-06-15T12:00:00Z"), ZoneOffset.UTC), 6);
  private static final DemoDataConfig CONFIG = DemoDataConfig.defaults()
      .withStores(8).withProducts(40).withCustomers(100).withMonths(6).withTransactionLines(60_000)
      .withAnomalies(12);

  @Test
  void chosenStoreDaysQualifyAndKindsTakeTurns() {
    // When
    DemoData data = DemoData.generate(CONFIG, WINDOW);

    // Then
    List<InjectedAnomaly> anomalies = data.injectedAnomalies();
    assertThat(anomalies).hasSize(12);
    assertThat(anomalies.stream().map(a -> a.storeId() + "@" + a.day()).distinct()).hasSize(12);
    Map<Long, Store> stores = data.stores().stream().collect(Collectors.toMap(Store::id, Function.identity()));
    assertThat(anomalies).allSatisfy(anomaly -> {
      Store store = stores.get(anomaly.storeId());
      assertThat(anomaly.tenantId()).isEqualTo(store.tenantId());
      assertThat(anomaly.day()).isBefore(WINDOW.today())
          .isAfterOrEqualTo(WINDOW.firstDay().plusDays(InjectedAnomalies.HISTORY_DAYS))
          .isAfterOrEqualTo(store.openedOn().plusDays(InjectedAnomalies.HISTORY_DAYS));
      assertThat(anomaly.baselineTransactions()).isGreaterThanOrEqualTo(InjectedAnomalies.MIN_BASELINE_TRANSACTIONS);
    });
    assertThat(anomalies.stream().collect(Collectors.groupingBy(InjectedAnomaly::kind, Collectors.counting())))
        .containsOnly(Map.entry(AnomalyKind.SPIKE, 4L), Map.entry(AnomalyKind.DROP, 4L),
            Map.entry(AnomalyKind.OUTAGE, 4L));
    assertThat(anomalies).allSatisfy(anomaly -> {
      switch (anomaly.kind()) {
        case SPIKE -> assertThat(anomaly.volumeFactor()).isBetween(3.0, 5.0);
        case DROP -> assertThat(anomaly.volumeFactor()).isBetween(0.05, 0.2);
        case OUTAGE -> assertThat(anomaly.volumeFactor()).isZero();
      }
    });
  }

  @Test
  void theSameSeedChoosesTheSameAnomaliesAndAnotherSeedOthers() {
    assertThat(DemoData.generate(CONFIG, WINDOW).injectedAnomalies())
        .isEqualTo(DemoData.generate(CONFIG, WINDOW).injectedAnomalies())
        .isNotEqualTo(DemoData.generate(CONFIG.withSeed(7), WINDOW).injectedAnomalies());
  }

  @Test
  void onlyTheInjectedStoreDaysDifferFromTheDataSetWithout() {
    // Given
    DemoData with = DemoData.generate(CONFIG, WINDOW);
    DemoData without = DemoData.generate(CONFIG.withAnomalies(0), WINDOW);
    Set<String> injected = with.injectedAnomalies().stream().map(a -> a.storeId() + "@" + a.day())
        .collect(Collectors.toSet());

    // When
    List<Sale> salesWith = sales(with);
    List<Sale> salesWithout = sales(without);

    // Then
    assertThat(without.injectedAnomalies()).isEmpty();
    assertThat(salesWith.stream().filter(sale -> !injected.contains(storeDay(sale))).toList())
        .isEqualTo(salesWithout.stream().filter(sale -> !injected.contains(storeDay(sale))).toList());
    for (InjectedAnomaly anomaly : with.injectedAnomalies()) {
      long count = salesWith.stream().filter(sale -> storeDay(sale).equals(anomaly.storeId() + "@" + anomaly.day()))
          .count();
      switch (anomaly.kind()) {
        case SPIKE -> assertThat(count).isGreaterThan(Math.round(anomaly.baselineTransactions() * 1.8));
        case DROP -> assertThat(count).isLessThan(Math.round(anomaly.baselineTransactions() * 0.5));
        case OUTAGE -> assertThat(count).isZero();
      }
    }
  }

  @Test
  void aDataSetWithTooLittleHistoryGetsFewerAnomalies() {
    LoadWindow twoMonths = LoadWindow.endingAt(Clock.fixed(Instant.parse("2025-06-15T12:00:00Z"), ZoneOffset.UTC), 2);

    assertThat(DemoData.generate(CONFIG.withMonths(2), twoMonths).injectedAnomalies()).isEmpty();
  }

  private static List<Sale> sales(DemoData data) {
    return StreamSupport.stream(data.sales().spliterator(), false).toList();
  }

  private static String storeDay(Sale sale) {
    return sale.storeId() + "@" + LocalDate.ofInstant(sale.ts(), ZoneOffset.UTC);
  }
}
