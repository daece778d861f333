package io.suqi.lakehouse.silver;

import static org.assertj.core.api.Assertions.assertThat;

import io.suqi.lakehouse.bronze.InputSource;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fingerprint is stable: the same value as the text-building hash that checkpoints already hold. */
class VersionFingerprintTest {

  private static final String[] TEXTS = {"t1", "north", "caf\u00e9", "\u6771\u4eac", "emoji \ud83d\uded2",
      "lone \ud83d surrogate", "", "tab\there", "completed", "refunded"};

  @Test
  void equalsTheHashOfTheContentText() {
    Random random = new Random(3);
    for (int i = 0; i < 2_000; i++) {
      TxnHeader header = new TxnHeader(pick(random), pick(random), random.nextInt(1000),
          random.nextBoolean() ? null : (long) random.nextInt(99_999), Instant.ofEpochMilli(random.nextLong(4_000_000_000_000L)),
          pick(random), pick(random), random.nextBoolean() ? null : pick(random));
      List<TxnLine> lines = new ArrayList<>();
      for (int line = 1; line <= random.nextInt(4); line++) {
        lines.add(new TxnLine(line, random.nextInt(500), random.nextInt(9) - 2,
            new BigDecimal(random.nextInt(100_000)).movePointLeft(random.nextInt(4)), new BigDecimal("0.50"),
            random.nextBoolean() ? null : pick(random), "t1", null, InputSource.POS, 0, null));
      }
      assertThat(VersionFingerprint.of(header, lines)).as("header %s, lines %s", header, lines)
          .isEqualTo(textHash(header, lines));
    }
  }

  @Test
  void equalsTheHashOfTheContentTextAtTheEdgesOfTimesAndDecimals() {
    Instant[] times = {Instant.EPOCH, Instant.parse("1969-12-31T23:59:59.999Z"), Instant.ofEpochSecond(5, 1_000),
        Instant.ofEpochSecond(5, 1), Instant.ofEpochSecond(5, 100_000_000), Instant.parse("0999-12-31T23:59:59Z"),
        Instant.parse("1000-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.5Z"),
        Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("-0005-06-01T12:00:00Z"), null};
    String[] decimals = {"0", "0.00", "-0.05", "1200", "1200.00", "1.2E+3", "5E+30", "0E+3", "-12.340",
        "0.000000000000000000000000005", "123456789012345678901234.5", "999999999999999999", "-1.000000000000000001"};
    for (Instant time : times) {
      for (String decimal : decimals) {
        TxnHeader header = new TxnHeader("x", "t1", -3, Long.MIN_VALUE, time, "completed", "card", null);
        List<TxnLine> lines = List.of(new TxnLine(-1, Long.MAX_VALUE, Integer.MIN_VALUE, new BigDecimal(decimal),
            new BigDecimal(decimal).negate(), "food", "t1", null, InputSource.POS, 0, null));
        assertThat(VersionFingerprint.of(header, lines)).as("time %s, decimal %s", time, decimal)
            .isEqualTo(textHash(header, lines));
      }
    }
  }

  @Test
  void decimalsCountByValueAndOriginsDoNotCount() {
    TxnHeader header = new TxnHeader("x", "t1", 1, null, Instant.EPOCH, "completed", "card", "north");
    TxnLine pos = new TxnLine(1, 7, 2, new BigDecimal("12.5"), BigDecimal.ZERO, "food", "t1", null, InputSource.POS, 0, null);
    TxnLine cdc = new TxnLine(1, 7, 2, new BigDecimal("12.50"), new BigDecimal("0.00"), "food", "t1", "t1",
        InputSource.CDC, 4711, null);
    assertThat(VersionFingerprint.of(header, List.of(pos))).isEqualTo(VersionFingerprint.of(header, List.of(cdc)));
    assertThat(VersionFingerprint.of(header.withStatus("refunded"), List.of(pos)))
        .isNotEqualTo(VersionFingerprint.of(header, List.of(pos)));
  }

  private static String pick(Random random) {
    return TEXTS[random.nextInt(TEXTS.length)];
  }

  /** The job's earlier way: build the text, hash its UTF-8 bytes. */
  private static long textHash(TxnHeader header, List<TxnLine> lines) {
    StringBuilder content = new StringBuilder(header.toString());
    for (TxnLine line : lines) {
      content.append('|').append(line.lineNo()).append(',').append(line.productId()).append(',')
          .append(line.quantity()).append(',').append(line.unitPrice().stripTrailingZeros().toPlainString()).append(',')
          .append(line.discount().stripTrailingZeros().toPlainString()).append(',').append(line.category());
    }
    long hash = 0xcbf29ce484222325L;
    for (byte b : content.toString().getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= 0x100000001b3L;
    }
    return hash;
  }
}
