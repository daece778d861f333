package io.suqi.agents.time;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the period a question talks about, relative to a clock, in UTC. Understood forms
 * (case-insensitive, anywhere in the sentence):
 *
 * <ul>
 *   <li>{@code today}, {@code yesterday}
 *   <li>{@code last N days} (also "past", "previous"): the N whole days before today; today is excluded
 *   <li>{@code this|last week|month|quarter|year} (also "current", "previous"): ISO weeks start on Monday. "This" periods run to
 *       the <em>end</em> of the period (not to now): the data simply has nothing after now, and a
 *       whole-period label reads better than one that changes every second.
 *   <li>{@code Q1}..{@code Q4} with an optional year ("Q3 2025"); without a year, the most recent
 *       such quarter that has started (possibly the current one)
 *   <li>a month name with an optional year ("March 2026", "in march"); without a year, the most
 *       recent such month that has started (possibly the current one). "May" is also a verb, so
 *       it counts only after in/for/during/of or before a year.
 * </ul>
 *
 * No time words means all time.
 */
public final class TimeWords {

  private static final String MONTHS_BUT_MAY =
      "january|february|march|april|june|july|august|september|october|november|december";

  /** Time talk outside the forms above: the caller should refuse rather than ignore it. */
  private static final Pattern UNRECOGNISED = pattern("\\b(?:days?|weeks?|weekends?|fortnights?|months?|quarters?"
      + "|years?|hours?|daily|weekly|monthly|quarterly|yearly|annual|annually|tomorrow|tonight"
      + "|since|between|until|till|ago|recent|recently|lately|ytd|mtd|qtd|wtd"
      + "|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
      + "|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|h[12]|(?:19|20)\\d{2})\\b");

  private static final List<Form> FORMS = List.of(
      new Form(pattern("\\btoday\\b"), (m, today) -> TimeRange.ofDays(today, today.plusDays(1))),
      new Form(pattern("\\byesterday\\b"), (m, today) -> TimeRange.ofDays(today.minusDays(1), today)),
      new Form(pattern("\\b(?:last|past|previous)\\s+([1-9]\\d{0,4})\\s+days?\\b"),
          (m, today) -> TimeRange.ofDays(today.minusDays(Integer.parseInt(m.group(1))), today)),
      new Form(pattern("\\b(this|current|last|previous)\\s+(week|month|quarter|year)\\b"), TimeWords::thisOrLast),
      new Form(pattern("\\bq([1-4])(?:\\s+(\\d{4}))?\\b"), TimeWords::quarter),
      new Form(pattern("\\b(" + MONTHS_BUT_MAY + ")(?:\\s+(\\d{4}))?\\b"), TimeWords::month),
      new Form(pattern("(?:(?<=\\b(?:in|for|during|of)\\s{1,5})|\\b(?=may\\s+\\d{4}\\b))(may)(?:\\s+(\\d{4}))?\\b"),
          TimeWords::month));

  private final Clock clock;

  public TimeWords(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The first period the question names, or {@link TimeRange#ALL_TIME} if it names none. */
  public TimeRange find(String question) {
    List<TimeRange> periods = scan(question).periods();
    return periods.isEmpty() ? TimeRange.ALL_TIME : periods.get(0);
  }

  /** Every period the question names, and any time words it could not read. */
  public TimeScan scan(String question) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    List<Found> found = new ArrayList<>();
    for (Form form : FORMS) {
      Matcher matcher = form.pattern().matcher(question);
      while (matcher.find()) {
        found.add(new Found(matcher.start(), matcher.end(), form.read().apply(matcher.toMatchResult(), today)));
      }
    }
    found.sort(Comparator.comparingInt(Found::start));
    StringBuilder rest = new StringBuilder(question);
    List<TimeRange> periods = new ArrayList<>();
    int consumedUpTo = 0;
    for (Found f : found) {
      if (f.start() < consumedUpTo) {
        continue; // overlaps an earlier form's match; the forms are disjoint, so this is defensive
      }
      periods.add(f.range());
      rest.replace(f.start(), f.end(), " ".repeat(f.end() - f.start()));
      consumedUpTo = f.end();
    }
    List<String> unrecognised = UNRECOGNISED.matcher(rest).results()
        .map(r -> r.group().toLowerCase(Locale.ROOT)).toList();
    return new TimeScan(periods, unrecognised, rest.toString());
  }

  private static TimeRange thisOrLast(MatchResult m, LocalDate today) {
    String unit = m.group(2).toLowerCase(Locale.ROOT);
    LocalDate thisStart = switch (unit) {
      case "week" -> today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case "month" -> today.withDayOfMonth(1);
      case "quarter" -> today.with(IsoFields.DAY_OF_QUARTER, 1);
      default -> today.withDayOfYear(1);
    };
    Period length = switch (unit) {
      case "week" -> Period.ofWeeks(1);
      case "month" -> Period.ofMonths(1);
      case "quarter" -> Period.ofMonths(3);
      default -> Period.ofYears(1);
    };
    boolean last = m.group(1).equalsIgnoreCase("last") || m.group(1).equalsIgnoreCase("previous");
    return last
        ? TimeRange.ofDays(thisStart.minus(length), thisStart)
        : TimeRange.ofDays(thisStart, thisStart.plus(length));
  }

  private static TimeRange quarter(MatchResult m, LocalDate today) {
    int firstMonth = (Integer.parseInt(m.group(1)) - 1) * 3 + 1;
    LocalDate start = startOf(firstMonth, m.group(2), today);
    return TimeRange.ofDays(start, start.plusMonths(3));
  }

  private static TimeRange month(MatchResult m, LocalDate today) {
    Month month = Month.valueOf(m.group(1).toUpperCase(Locale.ROOT));
    LocalDate start = startOf(month.getValue(), m.group(2), today);
    return TimeRange.ofDays(start, start.plusMonths(1));
  }

  /** The first of {@code month} in the given year, or else in the latest year where it has started. */
  private static LocalDate startOf(int month, String year, LocalDate today) {
    if (year != null) {
      return LocalDate.of(Integer.parseInt(year), month, 1);
    }
    LocalDate thisYears = LocalDate.of(today.getYear(), month, 1);
    return thisYears.isAfter(today) ? thisYears.minusYears(1) : thisYears;
  }

  private static Pattern pattern(String regex) {
    return Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
  }

  private record Form(Pattern pattern, BiFunction<MatchResult, LocalDate, TimeRange> read) {}

  private record Found(int start, int end, TimeRange range) {}
}
