package io.suqi.lakehouse.platinum;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RetailHolidaysTest {

  @Test
  void the2026HolidaysAreExactlyTheTenRetailOnes() {
    // Given every day of 2026
    LocalDate start = LocalDate.parse("2026-01-01");
    List<LocalDate> year = Stream.iterate(start, day -> day.plusDays(1)).limit(365).toList();

    // When each is checked
    List<String> holidays = year.stream().filter(RetailHolidays::isHoliday).map(LocalDate::toString).toList();

    // Then the holidays are the calendar days of the ten rules
    assertThat(holidays).containsExactly(
        "2026-01-01",   // New Year's Day, a Thursday
        "2026-01-19",   // Martin Luther King Jr. Day: third Monday of January
        "2026-02-16",   // Presidents' Day: third Monday of February
        "2026-05-25",   // Memorial Day: last Monday of May
        "2026-07-04",   // Independence Day, a Saturday: the day itself, not the observed Friday
        "2026-09-07",   // Labor Day: first Monday of September
        "2026-11-26",   // Thanksgiving: fourth Thursday of November
        "2026-11-27",   // Black Friday
        "2026-12-24",   // Christmas Eve
        "2026-12-25");  // Christmas Day
  }

  @Test
  void neighbouringDaysAreNotHolidays() {
    // Given the days next to the moving holidays of 2026 (and the observed Independence Day)
    List<String> days = List.of("2026-01-12", "2026-01-26", "2026-05-18", "2026-07-03", "2026-11-19", "2026-11-28",
        "2026-12-26");

    // Then none is a holiday
    assertThat(days).map(LocalDate::parse).noneMatch(RetailHolidays::isHoliday);
  }
}
