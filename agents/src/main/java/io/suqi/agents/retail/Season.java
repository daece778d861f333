package io.suqi.agents.retail;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.regex.Pattern;

/**
 * The retail seasons the agent recognises, each with the sales window that leads up to it (when
 * shoppers stock up), for a given year. Checked in this order, so "Black Friday holiday deals" is
 * Black Friday and "the holidays" is Christmas.
 */
enum Season {
  BLACK_FRIDAY("Black Friday", "black\\s+friday|cyber\\s+(?:monday|week)",
      "Black Friday to Cyber Monday", year -> days(thanksgiving(year).plusDays(1), 4)),
  THANKSGIVING("Thanksgiving", "thanksgiving", "the week up to Thanksgiving (4th Thursday of November)",
      year -> weekEndingOn(thanksgiving(year))),
  HALLOWEEN("Halloween", "hall?owe?en", "17-31 October", year -> between(year, Month.OCTOBER, 17, Month.OCTOBER, 31)),
  EASTER("Easter", "easter", "the two weeks up to Easter Sunday", year -> {
    LocalDate sunday = easterSunday(year);
    return new Window(sunday.minusDays(13), sunday.plusDays(1));
  }),
  VALENTINES_DAY("Valentine's Day", "valentine", "1-14 February",
      year -> between(year, Month.FEBRUARY, 1, Month.FEBRUARY, 14)),
  SUPER_BOWL("Super Bowl", "super\\s*bowl", "the week up to the Super Bowl (2nd Sunday of February)",
      year -> weekEndingOn(nthSunday(year, Month.FEBRUARY, 2))),
  MOTHERS_DAY("Mother's Day", "mother'?s'?\\s+day", "the week up to Mother's Day (2nd Sunday of May)",
      year -> weekEndingOn(nthSunday(year, Month.MAY, 2))),
  FATHERS_DAY("Father's Day", "father'?s'?\\s+day", "the week up to Father's Day (3rd Sunday of June)",
      year -> weekEndingOn(nthSunday(year, Month.JUNE, 3))),
  BACK_TO_SCHOOL("back to school", "back[\\s-]+to[\\s-]+school|school\\s+season", "1-31 August",
      year -> between(year, Month.AUGUST, 1, Month.AUGUST, 31)),
  NEW_YEAR("New Year", "new\\s+year", "26-31 December", year -> between(year, Month.DECEMBER, 26, Month.DECEMBER, 31)),
  CHRISTMAS("Christmas", "christmas|x-?mas|holidays|holiday\\s+(?:season|shopping|gift|period)|festive",
      "1-24 December, the run-up to Christmas Day", year -> between(year, Month.DECEMBER, 1, Month.DECEMBER, 24)),
  SUMMER("summer", "summer", "June to August", year -> between(year, Month.JUNE, 1, Month.AUGUST, 31)),
  WINTER("winter", "winter", "December to February",
      year -> new Window(LocalDate.of(year - 1, Month.DECEMBER, 1), LocalDate.of(year, Month.MARCH, 1))),
  SPRING("spring", "spring", "March to May", year -> between(year, Month.MARCH, 1, Month.MAY, 31)),
  AUTUMN("autumn", "autumn|(?:the|this|for|in)\\s+fall\\b|fall\\s+season", "September to November",
      year -> between(year, Month.SEPTEMBER, 1, Month.NOVEMBER, 30));

  /** A season's sales window: {@code from} inclusive, {@code to} exclusive (UTC days). */
  record Window(LocalDate from, LocalDate to) {
    long days() {
      return to.toEpochDay() - from.toEpochDay();
    }

    String label() {
      return from + " to " + to.minusDays(1);
    }
  }

  private final String label;
  private final Pattern words;
  private final String windowRule;
  private final IntFunction<Window> windowOfYear;

  Season(String label, String words, String windowRule, IntFunction<Window> windowOfYear) {
    this.label = label;
    this.words = Pattern.compile("\\b(?:" + words + ")", Pattern.CASE_INSENSITIVE);
    this.windowRule = windowRule;
    this.windowOfYear = windowOfYear;
  }

  String label() {
    return label;
  }

  /** How the window is chosen, for the answer ("1-24 December, the run-up to Christmas Day"). */
  String windowRule() {
    return windowRule;
  }

  Window windowIn(int year) {
    return windowOfYear.apply(year);
  }

  /** The latest window that has ended by {@code today} (its last day is before today): what last time sold. */
  Window lastCompleted(LocalDate today) {
    for (int year = today.getYear() + 1; ; year--) {
      Window window = windowIn(year);
      if (!window.to().isAfter(today)) {
        return window;
      }
    }
  }

  /** The first window that has not ended by {@code today}: the one to stock for. */
  Window next(LocalDate today) {
    for (int year = today.getYear() - 1; ; year++) {
      Window window = windowIn(year);
      if (window.to().isAfter(today)) {
        return window;
      }
    }
  }

  /** The first season the question names. */
  static Optional<Season> named(String question) {
    String text = question.replace('\u2019', '\'').toLowerCase(Locale.ROOT);
    for (Season season : values()) {
      if (season.words.matcher(text).find()) {
        return Optional.of(season);
      }
    }
    return Optional.empty();
  }

  /** The season whose next window starts soonest after {@code today}: what to stock for when none is named. */
  static Season upcoming(LocalDate today) {
    Season soonest = CHRISTMAS;
    for (Season season : new Season[] {CHRISTMAS, BLACK_FRIDAY, HALLOWEEN, EASTER, VALENTINES_DAY, MOTHERS_DAY,
        FATHERS_DAY, BACK_TO_SCHOOL, SUMMER}) {
      if (season.next(today).from().isBefore(soonest.next(today).from())) {
        soonest = season;
      }
    }
    return soonest;
  }

  private static Window between(int year, Month fromMonth, int fromDay, Month toMonth, int lastDay) {
    return new Window(MonthDay.of(fromMonth, fromDay).atYear(year), MonthDay.of(toMonth, lastDay).atYear(year).plusDays(1));
  }

  private static Window days(LocalDate from, int count) {
    return new Window(from, from.plusDays(count));
  }

  private static Window weekEndingOn(LocalDate day) {
    return new Window(day.minusDays(6), day.plusDays(1));
  }

  private static LocalDate thanksgiving(int year) {
    return LocalDate.of(year, Month.NOVEMBER, 1).with(TemporalAdjusters.dayOfWeekInMonth(4, DayOfWeek.THURSDAY));
  }

  private static LocalDate nthSunday(int year, Month month, int n) {
    return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, DayOfWeek.SUNDAY));
  }

  /** Gregorian Easter Sunday (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
  static LocalDate easterSunday(int year) {
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = (h + l - 7 * m + 114) % 31 + 1;
    return LocalDate.of(year, month, day);
  }
}
