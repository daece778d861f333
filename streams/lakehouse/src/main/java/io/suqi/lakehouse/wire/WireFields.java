package io.suqi.lakehouse.wire;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Field encodings for hand-written serializers, each of which may be null. Decimals whose
 * unscaled value fits a long (every amount of a sale) are written as that long, without the
 * byte array {@link BigInteger#toByteArray} would allocate.
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
      writeLength(0, out);
      return;
    }
    boolean latin1 = isLatin1(value);
    writeLength(((value.length() + 1) << 1) | (latin1 ? 0 : 1), out);
    if (latin1) {
      out.write(value.getBytes(StandardCharsets.ISO_8859_1)); // a copy of the string's own bytes
    } else {
      out.writeChars(value);
    }
  }

  public static String readString(DataInputView in) throws IOException {
    int code = readLength(in);
    if (code == 0) {
      return null;
    }
    int length = (code >>> 1) - 1;
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

  /** Seven bits per byte, the high bit set while more follow: short strings take one byte. */
  private static void writeLength(int code, DataOutputView out) throws IOException {
    int rest = code;
    while (rest >= 0x80) {
      out.writeByte(rest & 0x7F | 0x80);
      rest >>>= 7;
    }
    out.writeByte(rest);
  }

  private static int readLength(DataInputView in) throws IOException {
    int code = 0;
    for (int shift = 0; ; shift += 7) {
      int b = in.readUnsignedByte();
      code |= (b & 0x7F) << shift;
      if (b < 0x80) {
        return code;
      }
      if (shift > 21) {
        throw new IOException("Malformed string length: more than five bytes");
      }
    }
  }

  public static void writeDecimal(BigDecimal value, DataOutputView out) throws IOException {
    if (value == null) {
      out.writeByte(NULL);
      return;
    }
    BigInteger unscaled = value.unscaledValue();
    if (unscaled.bitLength() < Long.SIZE) {
      out.writeByte(PRESENT);
      out.writeLong(unscaled.longValue());
    } else {
      byte[] bytes = unscaled.toByteArray();
      out.writeByte(LARGE);
      out.writeInt(bytes.length);
      out.write(bytes);
    }
    out.writeInt(value.scale());
  }

  public static BigDecimal readDecimal(DataInputView in) throws IOException {
    byte tag = in.readByte();
    if (tag == NULL) {
      return null;
    }
    if (tag == PRESENT) {
      long unscaled = in.readLong();
      return BigDecimal.valueOf(unscaled, in.readInt());
    }
    byte[] bytes = new byte[in.readInt()];
    in.readFully(bytes);
    return new BigDecimal(new BigInteger(bytes), in.readInt());
  }

  public static void writeInstant(Instant value, DataOutputView out) throws IOException {
    out.writeBoolean(value != null);
    if (value != null) {
      out.writeLong(value.getEpochSecond());
      out.writeInt(value.getNano());
    }
  }

  public static Instant readInstant(DataInputView in) throws IOException {
    return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
  }

  public static void writeLong(Long value, DataOutputView out) throws IOException {
    out.writeBoolean(value != null);
    if (value != null) {
      out.writeLong(value);
    }
  }

  public static Long readLong(DataInputView in) throws IOException {
    return in.readBoolean() ? in.readLong() : null;
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
