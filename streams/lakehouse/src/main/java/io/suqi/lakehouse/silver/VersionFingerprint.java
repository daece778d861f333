package io.suqi.lakehouse.silver;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A 64-bit fingerprint (FNV-1a) of a transaction's content, ignoring where each part came from:
 * the same sale from POS and from CDC has the same fingerprint, so silver emits it once. Decimals
 * are compared by value (12.5 equals 12.50, as POS numbers and Debezium strings write them).
 */
final class VersionFingerprint {

  private static final long OFFSET_BASIS = 0xcbf29ce484222325L;
  private static final long PRIME = 0x100000001b3L;

  private VersionFingerprint() {}

  static long of(TxnHeader header, List<TxnLine> lines) {
    StringBuilder content = new StringBuilder(header.toString());
    for (TxnLine line : lines) {
      content.append('|').append(line.lineNo()).append(',').append(line.productId()).append(',')
          .append(line.quantity()).append(',').append(plain(line.unitPrice())).append(',')
          .append(plain(line.discount())).append(',').append(line.category());
    }
    long hash = OFFSET_BASIS;
    for (byte b : content.toString().getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= PRIME;
    }
    return hash;
  }

  private static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }
}
