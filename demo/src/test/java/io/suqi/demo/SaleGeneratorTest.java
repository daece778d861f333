package io.suqi.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class SaleGeneratorTest {

  private static final LoadWindow WINDOW =
      LoadWindow.endingAt(Clock.fixed(Instant.parse("2025-03-20T15:00:00Z"), ZoneOffset.UTC), 2);
  private static final DemoDataConfig SMALL = DemoDataConfig.defaults()
      .withStores(4).withProducts(40).withCustomers(50).withMonths(2).withTransactionLines(3_000);

  @Test
  void aVolumeAnomalyChangesOnlyItsStoreDay() {
    // Given a baseline and a data set with three times the volume at store 1 on one day
    LocalDate spikeDay = LocalDate.of(2025, 3, 1);
    DemoData baseline = DemoData.generate(SMALL, WINDOW);
    DemoData withSpike = DemoData.generate(SMALL, WINDOW, normal -> (store, day) ->
        normal.expectedTransactions(store, day) * (store.id() == 1 && day.equals(spikeDay) ? 3 : 1));

    // When
    List<Sale> before = sales(baseline);
    List<Sale> after = sales(withSpike);

    // Then the spike day has more sales and every other store-day is unchanged
    assertThat(onStoreDay(after, 1, spikeDay).size())
        .isGreaterThan(2 * onStoreDay(before, 1, spikeDay).size());
    assertThat(after.stream().filter(sale -> !isOn(sale, 1, spikeDay)).toList())
        .isEqualTo(before.stream().filter(sale -> !isOn(sale, 1, spikeDay)).toList());
  }

  @Test
  void nothingIsLaterThanTheClock() {
    List<Sale> sales = sales(DemoData.generate(SMALL, WINDOW));

    assertThat(sales).allMatch(sale -> !sale.ts().isAfter(WINDOW.now()));
    assertThat(sales).anyMatch(sale -> sale.ts().atZone(ZoneOffset.UTC).toLocalDate().equals(WINDOW.today()));
  }

  private static List<Sale> sales(DemoData data) {
    return StreamSupport.stream(data.sales().spliterator(), false).toList();
  }

  private static List<Sale> onStoreDay(List<Sale> sales, long storeId, LocalDate day) {
    return sales.stream().filter(sale -> isOn(sale, storeId, day)).toList();
  }

  private static boolean isOn(Sale sale, long storeId, LocalDate day) {
    return sale.storeId() == storeId && sale.ts().atZone(ZoneOffset.UTC).toLocalDate().equals(day);
  }
}
