package io.suqi.lakehouse.silver;

import java.math.BigDecimal;
import java.util.List;

/**
 * A 64-bit fingerprint (FNV-1a) of a transaction's content, ignoring where each part came from:
 * the same sale from POS and from CDC has the same fingerprint, so silver emits it once. Decimals
 * are compared by value (12.5 equals 12.50, as POS numbers and Debezium strings write them).
 *
 * <p>The hash is over the UTF-8 bytes of the header's record text followed by each line's
 * {@code |line_no,product_id,quantity,unit_price,discount,category}; fingerprints kept in state by
 * earlier versions of the job stay valid, so the text is hashed piece by piece rather than built.
 */
final class VersionFingerprint {

  private static final long OFFSET_BASIS = 0xcbf29ce484222325L;
  private static final long PRIME = 0x100000001b3L;

  private long hash = OFFSET_BASIS;

  private VersionFingerprint() {}

  static long of(TxnHeader header, List<TxnLine> lines) {
    VersionFingerprint fingerprint = new VersionFingerprint();
    // The same text as TxnHeader.toString(), the record's own.
    fingerprint.add("TxnHeader[txnId=").add(header.txnId()).add(", tenantId=").add(header.tenantId())
        .add(", storeId=").add(Long.toString(header.storeId())).add(", customerId=")
        .add(String.valueOf(header.customerId())).add(", ts=").add(String.valueOf(header.ts()))
        .add(", status=").add(header.status()).add(", paymentMethod=").add(header.paymentMethod())
        .add(", region=").add(header.region()).add("]");
    for (TxnLine line : lines) {
      fingerprint.add("|").add(Integer.toString(line.lineNo())).add(",").add(Long.toString(line.productId()))
          .add(",").add(Integer.toString(line.quantity())).add(",").add(plain(line.unitPrice())).add(",")
          .add(plain(line.discount())).add(",").add(line.category());
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

  private void mix(int octet) {
    hash ^= octet & 0xff;
    hash *= PRIME;
  }

  private static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }
}
