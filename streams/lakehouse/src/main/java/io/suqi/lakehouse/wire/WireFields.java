package io.suqi.lakehouse.wire;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Compact field encodings for hand-written serializers: whole numbers in as few bytes as they
 * need, strings as Latin-1 bytes where they can be; strings, decimals, instants and boxed longs
 * may be null. Decimals whose unscaled value fits a long (every amount of a sale) are written as
 * that long, without the byte array {@link BigInteger#toByteArray} would allocate. Smaller values
 * are fewer bytes for RocksDB to compact and for checkpoints to copy.
 */
public final class WireFields {

  private static final byte NULL = 0;
  private static final byte PRESENT = 1;
  private static final byte LARGE = 2;

  private WireFields() {}

  /**
   * A length code (0 for null), then the characters: one byte each when all fit in Latin-1 (every
   * id, status and name here), two otherwise. Flink's {@code StringValue} encoding wrote and read
   * each character through a variable-length code and a thread-local buffer, the merge step's
   * largest serialization cost (docs/BENCHMARKS.md).
   */
  public static void writeString(String value, DataOutputView out) throws IOException {
    if (value == null) {
      writeUnsigned(0, out);
      return;
    }
    boolean latin1 = isLatin1(value);
    writeUnsigned(((long) (value.length() + 1) << 1) | (latin1 ? 0 : 1), out);
    if (latin1) {
      out.write(value.getBytes(StandardCharsets.ISO_8859_1)); // a copy of the string's own bytes
    } else {
      out.writeChars(value);
    }
  }

  public static String readString(DataInputView in) throws IOException {
    long code = readUnsigned(in);
    if (code == 0) {
      return null;
    }
    int length = Math.toIntExact((code >>> 1) - 1);
    if ((code & 1) == 0) {
      byte[] bytes = new byte[length];
      in.readFully(bytes);
      return new String(bytes, StandardCharsets.ISO_8859_1);
    }
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      chars[i] = in.readChar();
    }
    return new String(chars);
  }

  private static boolean isLatin1(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) > 0xFF) {
        return false;
      }
    }
    return true;
  }

  /**
   * A whole number, zigzag-coded (small negatives stay small), seven bits per byte: the ids and
   * counts here take one to three bytes instead of eight, a log position about five.
   */
  public static void writeVarLong(long value, DataOutputView out) throws IOException {
    writeUnsigned((value << 1) ^ (value >> 63), out);
  }

  public static long readVarLong(DataInputView in) throws IOException {
    long zigzag = readUnsigned(in);
    return (zigzag >>> 1) ^ -(zigzag & 1);
  }

  public static void writeVarInt(int value, DataOutputView out) throws IOException {
    writeVarLong(value, out);
  }

  public static int readVarInt(DataInputView in) throws IOException {
    long value = readVarLong(in);
    if (value != (int) value) {
      throw new IOException("Malformed number: " + value + " does not fit an int");
    }
    return (int) value;
  }

  /** Seven bits per byte, the high bit set while more follow. */
  private static void writeUnsigned(long value, DataOutputView out) throws IOException {
    long rest = value;
    while ((rest & ~0x7FL) != 0) {
      out.writeByte((int) (rest & 0x7F) | 0x80);
      rest >>>= 7;
    }
    out.writeByte((int) rest);
  }

  private static long readUnsigned(DataInputView in) throws IOException {
    long value = 0;
    for (int shift = 0; shift < Long.SIZE; shift += 7) {
      int b = in.readUnsignedByte();
      value |= (long) (b & 0x7F) << shift;
      if (b < 0x80) {
        return value;
      }
    }
    throw new IOException("Malformed number: more than ten bytes");
  }

  public static void writeDecimal(BigDecimal value, DataOutputView out) throws IOException {
    if (value == null) {
      out.writeByte(NULL);
      return;
    }
    BigInteger unscaled = value.unscaledValue();
    if (unscaled.bitLength() < Long.SIZE) {
      out.writeByte(PRESENT);
      writeVarLong(unscaled.longValue(), out);
    } else {
      byte[] bytes = unscaled.toByteArray();
      out.writeByte(LARGE);
      writeVarInt(bytes.length, out);
      out.write(bytes);
    }
    writeVarInt(value.scale(), out);
  }

  public static BigDecimal readDecimal(DataInputView in) throws IOException {
    byte tag = in.readByte();
    if (tag == NULL) {
      return null;
    }
    if (tag == PRESENT) {
      long unscaled = readVarLong(in);
      return BigDecimal.valueOf(unscaled, readVarInt(in));
    }
    byte[] bytes = new byte[readVarInt(in)];
    in.readFully(bytes);
    return new BigDecimal(new BigInteger(bytes), readVarInt(in));
  }

  public static void writeInstant(Instant value, DataOutputView out) throws IOException {
    out.writeBoolean(value != null);
    if (value != null) {
      writeVarLong(value.getEpochSecond(), out);
      writeVarInt(value.getNano(), out);
    }
  }

  public static Instant readInstant(DataInputView in) throws IOException {
    return in.readBoolean() ? Instant.ofEpochSecond(readVarLong(in), readVarInt(in)) : null;
  }

  public static void writeLong(Long value, DataOutputView out) throws IOException {
    out.writeBoolean(value != null);
    if (value != null) {
      writeVarLong(value, out);
    }
  }

  public static Long readLong(DataInputView in) throws IOException {
    return in.readBoolean() ? readVarLong(in) : null;
  }

  /** An enum constant by ordinal: the format is for the wire between tasks of one job, not for state. */
  public static void writeEnum(Enum<?> value, DataOutputView out) throws IOException {
    out.writeByte(value == null ? -1 : value.ordinal());
  }

  public static <E extends Enum<E>> E readEnum(E[] values, DataInputView in) throws IOException {
    byte ordinal = in.readByte();
    return ordinal < 0 ? null : values[ordinal];
  }
}
