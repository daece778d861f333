package io.suqi.lakehouse.platinum;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;

/**
 * The US retail holidays a forecast needs to know about: New Year's Day, Martin Luther King Jr.
 * Day, Presidents' Day, Memorial Day, Independence Day, Labor Day, Thanksgiving, Black Friday,
 * Christmas Eve and Christmas Day. Each is the calendar day itself, not the weekday a federal
 * holiday is observed on: shoppers shop on the 4th of July whatever day it is.
 *
 * <p>Rules, not a library: ten fixed rules (a date, or the n-th or last weekday of a month) are a
 * few lines and never change, while a holiday library pulls in XML configuration for hundreds of
 * countries and regions to answer the same ten questions.
 */
public final class RetailHolidays {

  private RetailHolidays() {}

  public static boolean isHoliday(LocalDate day) {
    int year = day.getYear();
    Month month = day.getMonth();
    return switch (month) {
      case JANUARY -> day.getDayOfMonth() == 1 || day.equals(nth(3, DayOfWeek.MONDAY, year, month));
      case FEBRUARY -> day.equals(nth(3, DayOfWeek.MONDAY, year, month));
      case MAY -> day.equals(LocalDate.of(year, month, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
      case JULY -> day.getDayOfMonth() == 4;
      case SEPTEMBER -> day.equals(nth(1, DayOfWeek.MONDAY, year, month));
      case NOVEMBER -> {
        LocalDate thanksgiving = nth(4, DayOfWeek.THURSDAY, year, month);
        yield day.equals(thanksgiving) || day.equals(thanksgiving.plusDays(1));   // and Black Friday
      }
      case DECEMBER -> day.getDayOfMonth() == 24 || day.getDayOfMonth() == 25;
      default -> false;
    };
  }

  private static LocalDate nth(int ordinal, DayOfWeek weekday, int year, Month month) {
    return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(ordinal, weekday));
  }
}
