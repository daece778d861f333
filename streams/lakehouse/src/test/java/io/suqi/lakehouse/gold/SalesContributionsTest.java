package io.suqi.lakehouse.gold;

import static org.assertj.core.api.Assertions.assertThat;

import io.suqi.lakehouse.bronze.InputSource;
import io.suqi.lakehouse.silver.RecordOrigin;
import io.suqi.lakehouse.silver.SilverTransaction;
import io.suqi.lakehouse.silver.TxnHeader;
import io.suqi.lakehouse.silver.TxnLine;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SalesContributionsTest {

  private static final TxnHeader SALE = new TxnHeader("x1", "t1", 1, null, Instant.parse("2026-10-01T23:59:59Z"),
      "completed", "card", "north");

  @Test
  void onlyCompletedTransactionsContribute() {
    assertThat(SalesContributions.of(txn(SALE.withStatus("refunded")))).isEmpty();
    assertThat(SalesContributions.of(txn(SALE.withStatus("void")))).isEmpty();
    assertThat(SalesContributions.of(SilverTransaction.deleted("x1", Instant.now()))).isEmpty();
    assertThat(SalesContributions.of(txn(SALE))).hasSize(3);
  }

  @Test
  void theDifferenceOfEqualContributionsIsEmpty() {
    List<SalesCell> cells = SalesContributions.of(txn(SALE));
    assertThat(SalesContributions.difference(cells, SalesContributions.of(txn(SALE)))).isEmpty();
  }

  @Test
  void movingASaleToAnotherDayTakesItFromTheOldDayAndAddsItToTheNew() {
    TxnHeader nextDay = new TxnHeader("x1", "t1", 1, null, Instant.parse("2026-10-02T00:00:01Z"), "completed",
        "card", "north");
    List<SalesCell> deltas = SalesContributions.difference(SalesContributions.of(txn(SALE)),
        SalesContributions.of(txn(nextDay)));

    assertThat(deltas.stream().filter(d -> d.grain() == SalesGrain.DAILY_STORE))
        .extracting(SalesCell::bucket, SalesCell::txnCount)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(Instant.parse("2026-10-01T00:00:00Z"), -1L),
            org.assertj.core.groups.Tuple.tuple(Instant.parse("2026-10-02T00:00:00Z"), 1L));
  }

  private static SilverTransaction txn(TxnHeader header) {
    TxnLine line = new TxnLine(1, 101, 3, new BigDecimal("2.5"), new BigDecimal("0.5"), "food", "t1", "t1",
        InputSource.POS, 0, new RecordOrigin("t", 0, 0, null));
    return new SilverTransaction(header.txnId(), header, List.of(line), InputSource.POS, Instant.now());
  }
}
