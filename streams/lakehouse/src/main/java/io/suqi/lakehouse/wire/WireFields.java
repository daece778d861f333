package io.suqi.lakehouse.wire;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

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

  public static void writeString(String value, DataOutputView out) throws IOException {
    StringValue.writeString(value, out); // null-safe
  }

  public static String readString(DataInputView in) throws IOException {
    return StringValue.readString(in);
  }

  public static void copyString(DataInputView in, DataOutputView out) throws IOException {
    StringValue.copyString(in, out);
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
