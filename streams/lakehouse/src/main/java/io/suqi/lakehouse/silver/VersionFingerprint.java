package io.suqi.lakehouse.silver;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A 64-bit fingerprint (FNV-1a) of a transaction's content, ignoring where each part came from:
 * the same sale from POS and from CDC has the same fingerprint, so silver emits it once. Decimals
 * are compared by value (12.5 equals 12.50, as POS numbers and Debezium strings write them).
 *
 * <p>The hash is over the UTF-8 bytes of the header's record text followed by each line's
 * {@code |line_no,product_id,quantity,unit_price,discount,category}; fingerprints kept in state by
 * earlier versions of the job stay valid, so the text is hashed piece by piece rather than built,
 * and numbers, times and decimals are hashed digit by digit as their text would write them
 * (building that text was 40 % of the fingerprint's time, docs/BENCHMARKS.md).
 */
final class VersionFingerprint {

  private static final long OFFSET_BASIS = 0xcbf29ce484222325L;
  private static final long PRIME = 0x100000001b3L;
  private static final int SECONDS_PER_DAY = 86_400;
  private static final long FIRST_FOUR_DIGIT_DAY = LocalDate.of(1000, 1, 1).toEpochDay();
  private static final long LAST_FOUR_DIGIT_DAY = LocalDate.of(9999, 12, 31).toEpochDay();
  /** The most digits a long holds whatever they are. */
  private static final int LONG_DIGITS = 18;

  private long hash = OFFSET_BASIS;
  /** Digits of a number, least significant first. */
  private final byte[] digits = new byte[20];

  private VersionFingerprint() {}

  static long of(TxnHeader header, List<TxnLine> lines) {
    VersionFingerprint fingerprint = new VersionFingerprint();
    // The same text as TxnHeader.toString(), the record's own.
    fingerprint.add("TxnHeader[txnId=").add(header.txnId()).add(", tenantId=").add(header.tenantId())
        .add(", storeId=").add(header.storeId()).add(", customerId=");
    if (header.customerId() == null) {
      fingerprint.add("null");
    } else {
      fingerprint.add(header.customerId().longValue());
    }
    fingerprint.add(", ts=").add(header.ts())
        .add(", status=").add(header.status()).add(", paymentMethod=").add(header.paymentMethod())
        .add(", region=").add(header.region()).add("]");
    for (TxnLine line : lines) {
      fingerprint.add("|").add(line.lineNo()).add(",").add(line.productId())
          .add(",").add(line.quantity()).add(",").addPlain(line.unitPrice()).add(",")
          .addPlain(line.discount()).add(",").add(line.category());
    }
    return fingerprint.hash;
  }

  /** Hashes the UTF-8 encoding of {@code text} ("null" for null, as string concatenation writes it). */
  private VersionFingerprint add(String text) {
    String s = text == null ? "null" : text;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        mix(c);
      } else if (c < 0x800) {
        mix(0xc0 | (c >> 6));
        mix(0x80 | (c & 0x3f));
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        int codePoint = Character.toCodePoint(c, s.charAt(++i));
        mix(0xf0 | (codePoint >> 18));
        mix(0x80 | ((codePoint >> 12) & 0x3f));
        mix(0x80 | ((codePoint >> 6) & 0x3f));
        mix(0x80 | (codePoint & 0x3f));
      } else if (Character.isSurrogate(c)) {
        mix('?');   // an unpaired surrogate, which the UTF-8 encoder replaces
      } else {
        mix(0xe0 | (c >> 12));
        mix(0x80 | ((c >> 6) & 0x3f));
        mix(0x80 | (c & 0x3f));
      }
    }
    return this;
  }

  /** As {@link Long#toString(long)} writes it. */
  private VersionFingerprint add(long value) {
    if (value == Long.MIN_VALUE) {
      return add(Long.toString(value));
    }
    if (value < 0) {
      mix('-');
    }
    addDigits(Math.abs(value), 1);
    return this;
  }

  /** The decimal digits of {@code value} (not negative), zero-padded to at least {@code width}. */
  private void addDigits(long value, int width) {
    int count = 0;
    long rest = value;
    do {
      digits[count++] = (byte) ('0' + rest % 10);
      rest /= 10;
    } while (rest != 0);
    for (int pad = count; pad < width; pad++) {
      mix('0');
    }
    while (count > 0) {
      mix(digits[--count]);
    }
  }

  /**
   * As {@link Instant#toString()} writes it: {@code 2026-11-30T10:15:30Z}, with 3, 6 or 9 digits
   * of fraction when there is one. Years outside 1000–9999, which the format writes differently,
   * are hashed from the text itself.
   */
  private VersionFingerprint add(Instant instant) {
    if (instant == null) {
      return add("null");
    }
    long seconds = instant.getEpochSecond();
    long day = Math.floorDiv(seconds, SECONDS_PER_DAY);
    int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
    if (day < FIRST_FOUR_DIGIT_DAY || day > LAST_FOUR_DIGIT_DAY) {
      return add(instant.toString());
    }
    LocalDate date = LocalDate.ofEpochDay(day);
    addDigits(date.getYear(), 4);
    mix('-');
    addDigits(date.getMonthValue(), 2);
    mix('-');
    addDigits(date.getDayOfMonth(), 2);
    mix('T');
    addDigits(secondOfDay / 3600, 2);
    mix(':');
    addDigits(secondOfDay / 60 % 60, 2);
    mix(':');
    addDigits(secondOfDay % 60, 2);
    int nanos = instant.getNano();
    if (nanos != 0) {
      mix('.');
      if (nanos % 1_000_000 == 0) {
        addDigits(nanos / 1_000_000, 3);
      } else if (nanos % 1_000 == 0) {
        addDigits(nanos / 1_000, 6);
      } else {
        addDigits(nanos, 9);
      }
    }
    mix('Z');
    return this;
  }

  /** As {@code value.stripTrailingZeros().toPlainString()} writes it ("null" for null). */
  private VersionFingerprint addPlain(BigDecimal value) {
    if (value == null) {
      return add("null");
    }
    if (value.precision() > LONG_DIGITS || value.scale() > LONG_DIGITS) {
      return add(value.stripTrailingZeros().toPlainString());
    }
    long unscaled = value.unscaledValue().longValue();
    int scale = value.scale();
    while (scale > 0 && unscaled % 10 == 0) {
      unscaled /= 10;
      scale--;
    }
    if (unscaled < 0) {
      mix('-');
      unscaled = -unscaled;
    }
    if (scale <= 0) {
      addDigits(unscaled, 1);
      for (int zero = scale; zero < 0 && unscaled != 0; zero++) {
        mix('0');
      }
      return this;
    }
    long unit = 1;
    for (int i = 0; i < scale; i++) {
      unit *= 10;
    }
    addDigits(unscaled / unit, 1);
    mix('.');
    addDigits(unscaled % unit, scale);
    return this;
  }

  private void mix(int octet) {
    hash ^= octet & 0xff;
    hash *= PRIME;
  }
}
