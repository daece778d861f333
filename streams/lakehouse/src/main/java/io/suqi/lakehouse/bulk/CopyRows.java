package io.suqi.lakehouse.bulk;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Rows in PostgreSQL's COPY text format (tab-separated columns, {@code \N} for null, backslash
 * escapes), appended to one buffer for a whole batch. Timestamps are written as UTC ISO-8601,
 * which Postgres reads into timestamptz whatever the session's time zone.
 */
public final class CopyRows {

  private static final char[] SPECIAL = {'\\', '\t', '\n', '\r'};

  private final StringBuilder text = new StringBuilder(64 * 1024);
  private boolean rowStarted;
  private int rows;

  public CopyRows text(String value) {
    separate();
    if (value == null) {
      text.append("\\N");
      return this;
    }
    int first = firstSpecial(value);
    if (first < 0) {
      text.append(value);
      return this;
    }
    text.append(value, 0, first);
    for (int i = first; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> text.append("\\\\");
        case '\t' -> text.append("\\t");
        case '\n' -> text.append("\\n");
        case '\r' -> text.append("\\r");
        default -> text.append(c);
      }
    }
    return this;
  }

  /** The first character that needs an escape, or -1; String.indexOf is vectorised, a loop over four is not. */
  private static int firstSpecial(String value) {
    int first = -1;
    for (char special : SPECIAL) {
      int at = value.indexOf(special);
      if (at >= 0 && (first < 0 || at < first)) {
        first = at;
      }
    }
    return first;
  }


  public CopyRows number(long value) {
    separate();
    text.append(value);
    return this;
  }

  public CopyRows number(Long value) {
    return value == null ? text(null) : number(value.longValue());
  }

  public CopyRows decimal(BigDecimal value) {
    separate();
    text.append(value == null ? "\\N" : value.toPlainString());
    return this;
  }

  /** ISO-8601 in UTC, written here rather than by Instant.toString's formatter (three per event). */
  public CopyRows timestamp(Instant value) {
    separate();
    if (value == null) {
      text.append("\\N");
      return this;
    }
    long seconds = value.getEpochSecond();
    LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400));
    int secondOfDay = (int) Math.floorMod(seconds, 86_400);
    if (date.getYear() < 1000 || date.getYear() > 9999) {
      text.append(value);   // outside four-digit years: the formatter's own shape
      return this;
    }
    digits(date.getYear(), 4).append('-');
    digits(date.getMonthValue(), 2).append('-');
    digits(date.getDayOfMonth(), 2).append('T');
    digits(secondOfDay / 3600, 2).append(':');
    digits(secondOfDay / 60 % 60, 2).append(':');
    digits(secondOfDay % 60, 2);
    if (value.getNano() > 0) {
      text.append('.');
      digits(value.getNano(), 9);
    }
    text.append('Z');
    return this;
  }

  private StringBuilder digits(int value, int width) {
    for (int divisor = (int) Math.pow(10, width - 1); divisor > 0; divisor /= 10) {
      text.append((char) ('0' + value / divisor % 10));
    }
    return text;
  }

  public CopyRows bool(boolean value) {
    separate();
    text.append(value ? 't' : 'f');
    return this;
  }

  /** Ends the current row. */
  public void end() {
    text.append('\n');
    rowStarted = false;
    rows++;
  }

  public int rows() {
    return rows;
  }

  public byte[] bytes() {
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  public void clear() {
    text.setLength(0);
    rowStarted = false;
    rows = 0;
  }

  private void separate() {
    if (rowStarted) {
      text.append('\t');
    }
    rowStarted = true;
  }
}
