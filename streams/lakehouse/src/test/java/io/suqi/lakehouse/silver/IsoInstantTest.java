package io.suqi.lakehouse.silver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast path reads exactly what java.time's ISO parsers read, and leaves every other shape to them. */
class IsoInstantTest {

  @Test
  void readsTheCommonShapesAsTheIsoParsersDo() {
    Random random = new Random(5);
    String[] offsets = {"", "Z", "+00:00", "+02:00", "-05:30", "+14:00", "-18:00"};
    for (int i = 0; i < 20_000; i++) {
      String fraction = switch (random.nextInt(4)) {
        case 0 -> "";
        case 1 -> "." + random.nextInt(10);
        case 2 -> String.format(".%03d", random.nextInt(1000));
        default -> String.format(".%09d", random.nextInt(1_000_000_000));
      };
      String text = String.format("%04d-%02d-%02dT%02d:%02d:%02d%s%s", 1900 + random.nextInt(300), 1 + random.nextInt(12),
          1 + random.nextInt(31), random.nextInt(24), random.nextInt(60), random.nextInt(60), fraction,
          offsets[random.nextInt(offsets.length)]);
      Instant fast = IsoInstant.parseCommon(text);
      Instant reference = reference(text);
      if (reference == null) {
        assertThat(fast).as(text).isNull();   // e.g. 2026-02-30
      } else {
        assertThat(fast).as(text).isEqualTo(reference);
      }
    }
  }

  @Test
  void leavesOtherShapesToTheIsoParsers() {
    for (String text : List.of("2026-10-05T14:03", "2026-10-05 14:03:07", "2026-10-05T14:03:07+02", "2026-10-05T14:03:07.",
        "2026-10-05T14:03:07.1234567890", "2026-10-05T14:03:07+02:00:30", "2026-10-05T14:03:07z", "26-10-05T14:03:07",
        "2026-1O-05T14:03:07Z", "2026-10-05T14:03:07+19:00", "2026-10-05T14:03:07Z ")) {
      assertThat(IsoInstant.parseCommon(text)).as(text).isNull();
    }
    // And the caller still reads what the ISO parsers accept
    assertThat(JsonFields.timestamp("2026-10-05T14:03")).isEqualTo(Instant.parse("2026-10-05T14:03:00Z"));
    assertThat(JsonFields.timestamp("2026-10-05T14:03:07.5+02:00")).isEqualTo(Instant.parse("2026-10-05T12:03:07.500Z"));
    assertThat(JsonFields.timestamp("not a time")).isNull();
  }

  private static Instant reference(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException withOffset) {
      try {
        return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException withoutOffset) {
        return null;
      }
    }
  }
}
