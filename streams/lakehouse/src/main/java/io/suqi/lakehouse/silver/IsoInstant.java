package io.suqi.lakehouse.silver;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Reads the one shape producers write nearly always, {@code 2026-10-05T14:03:07[.123456][Z|+02:00]},
 * without a DateTimeFormatter (which costs more per record than the rest of the quality gate's
 * parsing). Returns null for any other shape, which the caller then reads with java.time's own
 * ISO parsers: the result is the same instant they give.
 */
final class IsoInstant {

  private IsoInstant() {}

  /** The instant, read as UTC when there is no offset; null when the text is not of the common shape. */
  static Instant parseCommon(String text) {
    int length = text.length();
    if (length < 19 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
        || text.charAt(13) != ':' || text.charAt(16) != ':') {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    int second = digits(text, 17, 2);
    if ((year | month | day | hour | minute | second) < 0) {
      return null;
    }
    int i = 19;
    int nanos = 0;
    if (i < length && text.charAt(i) == '.') {
      int start = ++i;
      while (i < length && i - start < 9 && isDigit(text.charAt(i))) {
        nanos = nanos * 10 + (text.charAt(i) - '0');
        i++;
      }
      int fractionDigits = i - start;
      if (fractionDigits == 0 || (i < length && isDigit(text.charAt(i)))) {
        return null;
      }
      for (int d = fractionDigits; d < 9; d++) {
        nanos *= 10;
      }
    }
    int offsetSeconds;
    if (i == length) {
      offsetSeconds = 0;
    } else if (text.charAt(i) == 'Z' && i + 1 == length) {
      offsetSeconds = 0;
    } else if ((text.charAt(i) == '+' || text.charAt(i) == '-') && i + 6 == length && text.charAt(i + 3) == ':') {
      int offsetHours = digits(text, i + 1, 2);
      int offsetMinutes = digits(text, i + 4, 2);
      if ((offsetHours | offsetMinutes) < 0 || offsetHours > 18 || offsetMinutes > 59) {
        return null;
      }
      offsetSeconds = (offsetHours * 3600 + offsetMinutes * 60) * (text.charAt(i) == '-' ? -1 : 1);
    } else {
      return null;
    }
    try {
      return LocalDateTime.of(year, month, day, hour, minute, second, nanos)
          .toInstant(ZoneOffset.ofTotalSeconds(offsetSeconds));
    } catch (DateTimeException invalid) {
      return null;   // e.g. February 30th: the ISO parsers decide
    }
  }

  private static int digits(String text, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = text.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
