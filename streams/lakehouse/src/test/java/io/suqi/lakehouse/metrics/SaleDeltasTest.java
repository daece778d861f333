package io.suqi.lakehouse.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.suqi.lakehouse.bronze.InputSource;
import io.suqi.lakehouse.silver.RecordOrigin;
import io.suqi.lakehouse.silver.SilverChange;
import io.suqi.lakehouse.silver.SilverTransaction;
import io.suqi.lakehouse.silver.TxnHeader;
import io.suqi.lakehouse.silver.TxnLine;
import io.suqi.schemas.Topics;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.ArrayList;
import org.apache.flink.api.common.functions.util.ListCollector;
import org.junit.jupiter.api.Test;

class SaleDeltasTest {

  private static final Instant TS = Instant.parse("2026-10-01T12:30:20Z");
  private static final TxnHeader SALE = new TxnHeader("x1", "t1", 1, null, TS, "completed", "card", "north");

  private final SaleDeltas deltas = new SaleDeltas();
  private final List<SaleDelta> output = new ArrayList<>();
  private SilverTransaction previous;
  private int number;

  @Test
  void aRefundTakesTheSaleBackAtItsOwnSaleTime() throws Exception {
    process(version(SALE, line(1, "10.00")));
    process(version(SALE.withStatus("refunded"), line(1, "10.00")));

    assertThat(output).extracting(SaleDelta::version, SaleDelta::ts, SaleDelta::txnCount,
        delta -> delta.revenue().toPlainString()).containsExactly(tuple(1, TS, 1, "10.00"), tuple(3, TS, -1, "-10.00"));
  }

  @Test
  void linesArrivingAfterTheHeaderAddTheirRevenueOnly() throws Exception {
    process(version(SALE));                                   // a CDC header before its lines
    process(version(SALE, line(1, "4.00")));
    process(version(SALE, line(1, "4.00"), line(2, "6.00")));

    assertThat(output).extracting(SaleDelta::txnCount,
        delta -> delta.revenue().toPlainString(), SaleDelta::unpriced, SaleDelta::revenueSquared)
        .containsExactly(tuple(1, "0", 1, 0.0), tuple(0, "4.00", -1, 16.0), tuple(0, "6.00", 0, 84.0));
  }

  @Test
  void aChangeOfSaleTimeMovesTheSaleAndADeleteTakesItBackWithStableNumbers() throws Exception {
    Instant later = TS.plus(Duration.ofHours(2));
    process(version(SALE, line(1, "5")));
    process(version(new TxnHeader("x1", "t1", 1, null, later, "completed", "card", "north"), line(1, "5")));
    process(SilverTransaction.deleted("x1", Instant.now()));
    process(version(SALE, line(1, "5")));                    // brought back by a later POS copy

    assertThat(output).extracting(SaleDelta::version, SaleDelta::ts, SaleDelta::txnCount)
        .containsExactly(tuple(1, TS, 1), tuple(3, TS, -1), tuple(4, later, 1), tuple(5, later, -1), tuple(7, TS, 1));
  }

  @Test
  void aVersionThatChangesNothingCountedEmitsNothing() throws Exception {
    process(version(SALE, line(1, "5")));
    process(version(new TxnHeader("x1", "t1", 1, 7L, TS, "completed", "cash", "north"), line(1, "5")));
    process(version(SALE.withStatus("void"), line(1, "5")));
    process(version(SALE.withStatus("void"), line(1, "9")));   // not counted before or after

    assertThat(output).extracting(SaleDelta::txnCount).containsExactly(1, -1);
  }

  /** As silver hands versions over: each with the one before and its number. */
  private void process(SilverTransaction txn) {
    deltas.flatMap(new SilverChange(previous, txn, ++number), new ListCollector<>(output));
    previous = txn;
  }

  private static SilverTransaction version(TxnHeader header, TxnLine... lines) {
    return new SilverTransaction(header.txnId(), header, List.of(lines), InputSource.POS, Instant.now());
  }

  private static TxnLine line(int lineNo, String revenue) {
    return new TxnLine(lineNo, 101, 1, new BigDecimal(revenue), BigDecimal.ZERO, "food", "t1", "t1", InputSource.POS,
        0, new RecordOrigin(Topics.POS_TRANSACTIONS.name(), 0, 1, "x1"));
  }
}
