package io.suqi.lakehouse.silver;

import io.suqi.lakehouse.bronze.InputSource;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Silver records with every optional part present and absent, for the serializer tests. */
final class SilverWireSamples {

  static final Instant TS = Instant.parse("2026-11-30T10:15:30.123456789Z");
  static final RecordOrigin ORIGIN = new RecordOrigin("retail.pos.transactions", 2, 41L, "x1");
  static final TxnHeader SALE = new TxnHeader("x1", "t1", 7, 4242L, TS, "completed", "card", "north");
  static final TxnHeader ANONYMOUS = new TxnHeader("x2", "t2", 8, null, null, "refunded", null, null);
  static final TxnLine POS_LINE = new TxnLine(1, 100, 3, new BigDecimal("19.99"), new BigDecimal("0.00"), "dairy",
      "t1", null, InputSource.POS, 0, ORIGIN);
  static final TxnLine VERIFIED_CDC_LINE = new TxnLine(2, 101, -1, new BigDecimal("123456789012345678901234.5"),
      BigDecimal.ZERO, null, "t1", "t1", InputSource.CDC, 987654321L, null);
  static final TxnLine DELETED_LINE = new TxnLine(3, 0, 0, null, null, null, null, null, null, 5L, null);

  static final SilverTransaction VERSION = new SilverTransaction("x1", SALE, List.of(POS_LINE, VERIFIED_CDC_LINE),
      InputSource.POS, TS);
  static final SilverTransaction DELETED = SilverTransaction.deleted("x1", TS.plusSeconds(60));

  private SilverWireSamples() {}
}
