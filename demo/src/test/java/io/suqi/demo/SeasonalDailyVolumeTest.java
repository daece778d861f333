package io.suqi.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeasonalDailyVolumeTest {

  private static final LoadWindow WINDOW =
      LoadWindow.endingAt(Clock.fixed(Instant.parse("2025-06-15T12:00:00Z"), ZoneOffset.UTC), 13);
  private static final Store OLD_STORE = store(1, LocalDate.of(2010, 1, 1), 1.0);
  private static final Store NEW_STORE = store(2, LocalDate.of(2025, 3, 1), 1.0);

  @Test
  void isCalibratedToTheTargetOverTheWholeWindow() {
    // Given
    List<Store> stores = List.of(OLD_STORE, NEW_STORE);

    // When
    DailyVolume volume = SeasonalDailyVolume.calibrated(stores, WINDOW, 10_000);

    // Then
    double total = WINDOW.days().stream()
        .mapToDouble(day -> stores.stream().mapToDouble(s -> volume.expectedTransactions(s, day)).sum())
        .sum();
    assertThat(total).isCloseTo(10_000, within(0.001));
  }

  @Test
  void followsWeekSeasonAndOpeningDate() {
    DailyVolume volume = SeasonalDailyVolume.calibrated(List.of(OLD_STORE), WINDOW, 10_000);

    // A Saturday beats the Tuesday of the same week.
    assertThat(volume.expectedTransactions(OLD_STORE, LocalDate.of(2024, 11, 9)))
        .isGreaterThan(volume.expectedTransactions(OLD_STORE, LocalDate.of(2024, 11, 5)));
    // Mid-December beats mid-February on the same weekday.
    assertThat(volume.expectedTransactions(OLD_STORE, LocalDate.of(2024, 12, 18)))
        .isGreaterThan(volume.expectedTransactions(OLD_STORE, LocalDate.of(2025, 2, 19)) * 1.4);
    // No sales before a store opens.
    assertThat(volume.expectedTransactions(NEW_STORE, LocalDate.of(2025, 2, 28))).isZero();
    assertThat(volume.expectedTransactions(NEW_STORE, LocalDate.of(2025, 3, 1))).isPositive();
  }

  private static Store store(long id, LocalDate openedOn, double traffic) {
    return new Store(id, "t", "Store " + id, "North", "Seattle", openedOn, StoreFormat.NEIGHBORHOOD,
        traffic);
  }
}
