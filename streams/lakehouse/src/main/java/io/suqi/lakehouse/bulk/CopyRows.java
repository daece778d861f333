package io.suqi.lakehouse.bulk;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Rows in PostgreSQL's COPY text format (tab-separated columns, {@code \N} for null, backslash
 * escapes), appended to one buffer for a whole batch. Timestamps are written as UTC ISO-8601,
 * which Postgres reads into timestamptz whatever the session's time zone.
 */
public final class CopyRows {

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

  private static int firstSpecial(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
        return i;
      }
    }
    return -1;
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

  public CopyRows timestamp(Instant value) {
    separate();
    text.append(value == null ? "\\N" : value.toString());
    return this;
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

  byte[] bytes() {
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  void clear() {
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
