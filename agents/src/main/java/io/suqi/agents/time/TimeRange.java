package io.suqi.agents.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A period to filter on: {@code from} inclusive, {@code to} exclusive, both UTC instants, with a
 * label for people ("2026-10-01 to 2026-10-31", "2026-01-05", "all time"). {@link #ALL_TIME} has
 * no bounds (both null); every other range has both.
 */
public record TimeRange(Instant from, Instant to, String label) {

  public static final TimeRange ALL_TIME = new TimeRange(null, null, "all time");

  public TimeRange {
    Objects.requireNonNull(label, "label");
    if ((from == null) != (to == null)) {
      throw new IllegalArgumentException("a time range has both bounds or neither (all time): " + from + ", " + to);
    }
    if (from != null && !from.isBefore(to)) {
      throw new IllegalArgumentException("from must be before to: " + from + " >= " + to);
    }
  }

  /** The whole UTC days from {@code firstDay} up to, not including, {@code dayAfterLast}. */
  public static TimeRange ofDays(LocalDate firstDay, LocalDate dayAfterLast) {
    LocalDate lastDay = dayAfterLast.minusDays(1);
    String label = firstDay.equals(lastDay) ? firstDay.toString() : firstDay + " to " + lastDay;
    return new TimeRange(firstDay.atStartOfDay(ZoneOffset.UTC).toInstant(),
        dayAfterLast.atStartOfDay(ZoneOffset.UTC).toInstant(), label);
  }

  public boolean isAllTime() {
    return from == null;
  }
}
