package io.suqi.lakehouse.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class WireFieldsTest {

  @Test
  void stringsOfEveryKindReadBackAsWritten() throws IOException {
    // Given strings that are absent, empty, ASCII, Latin-1, wider than Latin-1, and long enough to
    // need two and three bytes of length
    String[] strings = {null, "", "x1", "café", "東京 store", "🛒 basket", "a".repeat(200), "é".repeat(20_000),
        "ü東".repeat(9_000)};
    DataOutputSerializer out = new DataOutputSerializer(16);

    // When they are written one after the other, each followed by a marker
    for (String s : strings) {
      WireFields.writeString(s, out);
      out.writeInt(0x5EED);
    }

    // Then each reads back equal, and the marker after it is where it should be
    DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
    for (String s : strings) {
      assertThat(WireFields.readString(in)).isEqualTo(s);
      assertThat(in.readInt()).isEqualTo(0x5EED);
    }
    assertThat(in.available()).isZero();
  }

  @Test
  void shortLatin1StringsTakeOneByteOfLengthAndOneByteACharacter() throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(16);

    WireFields.writeString("completed", out);
    WireFields.writeString(null, out);

    assertThat(out.length()).isEqualTo(1 + "completed".length() + 1);
  }

  @Test
  void wholeNumbersOfEitherSignReadBackAndSmallOnesTakeOneByte() throws IOException {
    long[] numbers = {0, 1, -1, 63, -64, 64, -65, 300, Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE,
        Long.MIN_VALUE, 987_654_321L};
    DataOutputSerializer out = new DataOutputSerializer(16);
    for (long n : numbers) {
      WireFields.writeVarLong(n, out);
    }
    WireFields.writeVarInt(Integer.MIN_VALUE, out);

    DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
    for (long n : numbers) {
      assertThat(WireFields.readVarLong(in)).isEqualTo(n);
    }
    assertThat(WireFields.readVarInt(in)).isEqualTo(Integer.MIN_VALUE);

    DataOutputSerializer small = new DataOutputSerializer(16);
    WireFields.writeVarLong(-64, small);
    WireFields.writeVarLong(63, small);
    assertThat(small.length()).isEqualTo(2);
  }

  @Test
  void aNumberTooLargeForAnIntIsRefusedAsAnInt() throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(16);
    WireFields.writeVarLong(1L << 40, out);

    assertThatThrownBy(() -> WireFields.readVarInt(new DataInputDeserializer(out.getCopyOfBuffer())))
        .isInstanceOf(IOException.class).hasMessageContaining("does not fit an int");
  }

  @Test
  void decimalsAndInstantsReadBackAsWritten() throws IOException {
    BigDecimal[] decimals = {null, BigDecimal.ZERO, new BigDecimal("-12.340"), new BigDecimal("5E+30"),
        BigDecimal.valueOf(Long.MIN_VALUE, -7), BigDecimal.valueOf(Long.MAX_VALUE, 300),
        new BigDecimal("123456789012345678901234.5")};
    Instant[] instants = {null, Instant.EPOCH, Instant.parse("1969-12-31T23:59:59.999999999Z"), Instant.MIN,
        Instant.MAX};
    DataOutputSerializer out = new DataOutputSerializer(16);
    for (BigDecimal d : decimals) {
      WireFields.writeDecimal(d, out);
    }
    for (Instant t : instants) {
      WireFields.writeInstant(t, out);
    }

    DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
    for (BigDecimal d : decimals) {
      assertThat(WireFields.readDecimal(in)).isEqualTo(d);   // same scale too
    }
    for (Instant t : instants) {
      assertThat(WireFields.readInstant(in)).isEqualTo(t);
    }
  }
}
