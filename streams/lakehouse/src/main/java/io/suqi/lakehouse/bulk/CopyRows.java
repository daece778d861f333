package io.suqi.lakehouse.bulk;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Rows in PostgreSQL's binary COPY format, appended to one buffer for a whole batch: each value as
 * the column type's own binary form, so Postgres parses no text and nothing needs escaping (the
 * measured change in the database's CPU per event was within the run-to-run spread,
 * docs/BENCHMARKS.md). The value methods name the column's type, and must match it exactly: binary COPY does not convert (an
 * {@code int} column needs {@link #integer}, a {@code bigint} one {@link #bigint}).
 *
 * <p>Use with {@link #copyInto}, which asks for this format.
 */
public final class CopyRows {

  private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0,
      0, 0, 0, 0,    // flags: no OIDs
      0, 0, 0, 0};   // no header extension
  private static final short TRAILER = -1;
  private static final int NULL = -1;
  /** Postgres counts timestamps from 2000-01-01 UTC, in microseconds. */
  private static final long POSTGRES_EPOCH_SECONDS = 946_684_800L;
  private static final short NUMERIC_POSITIVE = 0x0000;
  private static final short NUMERIC_NEGATIVE = 0x4000;
  private static final short[] POWERS = {1, 10, 100, 1000};

  private ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
  /** Where the current row's column count goes, or -1 between rows. */
  private int rowStart = -1;
  private short columns;
  private int rows;

  /** {@code COPY target FROM STDIN} in the format these rows are written in; target is a table and its columns. */
  public static String copyInto(String target) {
    return "COPY " + target + " FROM STDIN (FORMAT binary)";
  }

  public CopyRows text(String value) {
    if (value == null) {
      return nullValue();
    }
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    field(bytes.length).put(bytes);
    return this;
  }

  /** An {@code int} (int4) column. */
  public CopyRows integer(int value) {
    field(Integer.BYTES).putInt(value);
    return this;
  }

  /** A {@code bigint} (int8) column. */
  public CopyRows bigint(long value) {
    field(Long.BYTES).putLong(value);
    return this;
  }

  public CopyRows bigint(Long value) {
    return value == null ? nullValue() : bigint(value.longValue());
  }

  /**
   * A {@code numeric} column, with the decimal's scale as the display scale (12.50 stays 12.50).
   * A negative scale (1.2E+3) is written as the integer it is, as its plain text would be.
   */
  public CopyRows decimal(BigDecimal value) {
    if (value == null) {
      return nullValue();
    }
    BigDecimal plain = value.scale() < 0 ? value.setScale(0) : value;
    int scale = plain.scale();
    String digits = plain.unscaledValue().abs().toString();
    // Base-10000 digits aligned on the decimal point: pad the integer part on the left and the
    // fraction on the right to whole groups of four.
    int integerLength = Math.max(digits.length() - scale, 0);
    int integerGroups = (integerLength + 3) / 4;
    int fractionGroups = (scale + 3) / 4;
    short[] groups = new short[integerGroups + fractionGroups];
    int firstDigitPosition = integerGroups * 4 - integerLength; // in the padded digit string
    int paddedIntegerLength = integerGroups * 4;
    int leadingFractionZeros = Math.max(scale - digits.length(), 0);
    for (int i = 0; i < digits.length(); i++) {
      int position = i < integerLength
          ? firstDigitPosition + i
          : paddedIntegerLength + leadingFractionZeros + (i - integerLength);
      groups[position / 4] += (short) ((digits.charAt(i) - '0') * POWERS[3 - position % 4]);
    }
    // Postgres drops zero groups at either end; the weight is the first group's power of 10000.
    int first = 0;
    while (first < groups.length && groups[first] == 0) {
      first++;
    }
    int last = groups.length;
    while (last > first && groups[last - 1] == 0) {
      last--;
    }
    int count = last - first;
    int weight = count == 0 ? 0 : integerGroups - 1 - first;
    short sign = plain.signum() < 0 ? NUMERIC_NEGATIVE : NUMERIC_POSITIVE;
    ByteBuffer out = field(8 + 2 * count);
    out.putShort((short) count).putShort((short) weight).putShort(sign).putShort((short) scale);
    for (int i = first; i < last; i++) {
      out.putShort(groups[i]);
    }
    return this;
  }

  /**
   * A {@code timestamptz} column: Postgres keeps microseconds, so nanoseconds are rounded to the
   * nearest microsecond, ties to even, as Postgres rounds the fraction of a text timestamp.
   */
  public CopyRows timestamp(Instant value) {
    if (value == null) {
      return nullValue();
    }
    long micros = value.getNano() / 1_000;
    int rest = value.getNano() % 1_000;
    if (rest > 500 || (rest == 500 && (micros & 1) == 1)) {
      micros++;
    }
    long seconds = Math.subtractExact(value.getEpochSecond(), POSTGRES_EPOCH_SECONDS);
    field(Long.BYTES).putLong(Math.addExact(Math.multiplyExact(seconds, 1_000_000L), micros));
    return this;
  }

  public CopyRows bool(boolean value) {
    field(1).put((byte) (value ? 1 : 0));
    return this;
  }

  /** Ends the current row. */
  public void end() {
    if (rowStart < 0) {
      throw new IllegalStateException("end() without a value in the row");
    }
    buffer.putShort(rowStart, columns);
    rowStart = -1;
    rows++;
  }

  public int rows() {
    return rows;
  }

  /** The whole COPY input: header, rows and trailer; empty when there are no rows. */
  public byte[] bytes() {
    if (rows == 0) {
      return new byte[0];
    }
    byte[] all = new byte[HEADER.length + buffer.position() + Short.BYTES];
    System.arraycopy(HEADER, 0, all, 0, HEADER.length);
    System.arraycopy(buffer.array(), 0, all, HEADER.length, buffer.position());
    ByteBuffer.wrap(all).putShort(all.length - Short.BYTES, TRAILER);
    return all;
  }

  public void clear() {
    buffer.clear();
    rowStart = -1;
    rows = 0;
  }

  private CopyRows nullValue() {
    startRowIfNeeded();
    ensure(Integer.BYTES);
    buffer.putInt(NULL);
    columns++;
    return this;
  }

  /** Starts a field of {@code length} bytes (and the row, if it is the first) and returns the buffer to write it to. */
  private ByteBuffer field(int length) {
    startRowIfNeeded();
    ensure(Integer.BYTES + length);
    buffer.putInt(length);
    columns++;
    return buffer;
  }

  private void startRowIfNeeded() {
    if (rowStart < 0) {
      ensure(Short.BYTES);
      rowStart = buffer.position();
      buffer.putShort((short) 0);   // the column count, set by end()
      columns = 0;
    }
  }

  private void ensure(int bytes) {
    if (buffer.remaining() >= bytes) {
      return;
    }
    ByteBuffer larger = ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.position() + bytes));
    buffer.flip();
    larger.put(buffer);
    buffer = larger;
  }
}
