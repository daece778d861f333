package io.suqi.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The days demo transactions cover: {@code months} whole months ending today (UTC). Nothing may be
 * later than {@code now}, so the last day is only partly filled.
 */
record LoadWindow(LocalDate firstDay, LocalDate today, Instant now) {

  static LoadWindow endingAt(Clock clock, int months) {
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    return new LoadWindow(today.minusMonths(months).plusDays(1), today, now);
  }

  List<LocalDate> days() {
    return firstDay.datesUntil(today.plusDays(1)).toList();
  }

  boolean isPast(Instant instant) {
    return !instant.isAfter(now);
  }
}
