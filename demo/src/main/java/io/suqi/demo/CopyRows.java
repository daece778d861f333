package io.suqi.demo;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Streams rows into one table with PostgreSQL COPY (text format), buffering a chunk at a time, so
 * hundreds of thousands of rows go over the wire in a few round trips instead of one per row.
 */
final class CopyRows implements AutoCloseable {

  private static final int FLUSH_AT_CHARS = 1 << 16;
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'+00'").withZone(ZoneOffset.UTC);

  private final CopyIn copy;
  private final StringBuilder buffer = new StringBuilder(FLUSH_AT_CHARS + 1024);
  private boolean rowStarted;
  private long rows;
  private boolean finished;

  private CopyRows(CopyIn copy) {
    this.copy = copy;
  }

  /** Starts a COPY into {@code table} ({@code columns}); values must follow in column order. */
  static CopyRows into(CopyManager copyManager, String table, String columns) throws SQLException {
    return new CopyRows(copyManager.copyIn("COPY " + table + " (" + columns + ") FROM STDIN"));
  }

  CopyRows text(String value) {
    separate();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> buffer.append("\\\\");
        case '\t' -> buffer.append("\\t");
        case '\n' -> buffer.append("\\n");
        case '\r' -> buffer.append("\\r");
        default -> buffer.append(c);
      }
    }
    return this;
  }

  CopyRows number(long value) {
    separate();
    buffer.append(value);
    return this;
  }

  /** Writes a nullable number; null becomes SQL NULL. */
  CopyRows number(Long value) {
    if (value == null) {
      separate();
      buffer.append("\\N");
      return this;
    }
    return number(value.longValue());
  }

  /** Writes an amount in cents as a decimal with two places, e.g. 1299 as 12.99. */
  CopyRows cents(long cents) {
    separate();
    if (cents < 0) {
      buffer.append('-');
      cents = -cents;
    }
    long fraction = cents % 100;
    buffer.append(cents / 100).append('.').append(fraction < 10 ? "0" : "").append(fraction);
    return this;
  }

  /** Writes a double for a double precision column (Java's shortest text that reads back exactly). */
  CopyRows decimal(double value) {
    separate();
    buffer.append(value);
    return this;
  }

  CopyRows date(LocalDate value) {
    separate();
    buffer.append(value);
    return this;
  }

  CopyRows timestamp(Instant value) {
    separate();
    TIMESTAMP.formatTo(value, buffer);
    return this;
  }

  void endRow() throws SQLException {
    buffer.append('\n');
    rowStarted = false;
    rows++;
    if (buffer.length() >= FLUSH_AT_CHARS) {
      flush();
    }
  }

  long rows() {
    return rows;
  }

  /** Sends the rest and ends the COPY; closing without finishing cancels it. */
  long finish() throws SQLException {
    flush();
    copy.endCopy();
    finished = true;
    return rows;
  }

  @Override
  public void close() throws SQLException {
    if (!finished && copy.isActive()) {
      copy.cancelCopy();
    }
  }

  private void separate() {
    if (rowStarted) {
      buffer.append('\t');
    }
    rowStarted = true;
  }

  private void flush() throws SQLException {
    if (buffer.length() > 0) {
      byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
      copy.writeToCopy(bytes, 0, bytes.length);
      buffer.setLength(0);
    }
  }
}
