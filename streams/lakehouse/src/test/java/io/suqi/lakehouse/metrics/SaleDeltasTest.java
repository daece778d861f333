package io.suqi.lakehouse.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.suqi.lakehouse.bronze.InputSource;
import io.suqi.lakehouse.silver.RecordOrigin;
import io.suqi.lakehouse.silver.SilverTransaction;
import io.suqi.lakehouse.silver.TxnHeader;
import io.suqi.lakehouse.silver.TxnLine;
import io.suqi.schemas.Topics;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SaleDeltasTest {

  private static final Instant TS = Instant.parse("2026-10-01T12:30:20Z");
  private static final TxnHeader SALE = new TxnHeader("x1", "t1", 1, null, TS, "completed", "card", "north");
  private static final Duration RETENTION = Duration.ofDays(7);

  private KeyedOneInputStreamOperatorTestHarness<String, SilverTransaction, SaleDelta> harness;

  @BeforeEach
  void open() throws Exception {
    harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new SaleDeltas(RETENTION)),
        SilverTransaction::txnId, Types.STRING);
    harness.open();
    harness.setProcessingTime(1_000);
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  @Test
  void aRefundTakesTheSaleBackAtItsOwnSaleTime() throws Exception {
    process(version(SALE, line(1, "10.00")));
    process(version(SALE.withStatus("refunded"), line(1, "10.00")));

    assertThat(harness.extractOutputValues()).extracting(SaleDelta::version, SaleDelta::ts, SaleDelta::txnCount,
        delta -> delta.revenue().toPlainString()).containsExactly(tuple(1, TS, 1, "10.00"), tuple(2, TS, -1, "-10.00"));
  }

  @Test
  void linesArrivingAfterTheHeaderAddTheirRevenueOnly() throws Exception {
    process(version(SALE));                                   // a CDC header before its lines
    process(version(SALE, line(1, "4.00")));
    process(version(SALE, line(1, "4.00"), line(2, "6.00")));

    assertThat(harness.extractOutputValues()).extracting(SaleDelta::txnCount,
        delta -> delta.revenue().toPlainString(), SaleDelta::unpriced, SaleDelta::revenueSquared)
        .containsExactly(tuple(1, "0", 1, 0.0), tuple(0, "4.00", -1, 16.0), tuple(0, "6.00", 0, 84.0));
  }

  @Test
  void aChangeOfSaleTimeMovesTheSaleAndADeleteTakesItBackButKeepsNumbering() throws Exception {
    Instant later = TS.plus(Duration.ofHours(2));
    process(version(SALE, line(1, "5")));
    process(version(new TxnHeader("x1", "t1", 1, null, later, "completed", "card", "north"), line(1, "5")));
    process(SilverTransaction.deleted("x1", Instant.now()));
    process(version(SALE, line(1, "5")));                    // brought back by a later POS copy

    assertThat(harness.extractOutputValues()).extracting(SaleDelta::version, SaleDelta::ts, SaleDelta::txnCount)
        .containsExactly(tuple(1, TS, 1), tuple(2, TS, -1), tuple(3, later, 1), tuple(4, later, -1), tuple(5, TS, 1));
  }

  @Test
  void aVersionThatChangesNothingCountedEmitsNothingAndStateEndsWithRetention() throws Exception {
    process(version(SALE, line(1, "5")));
    process(version(new TxnHeader("x1", "t1", 1, 7L, TS, "completed", "cash", "north"), line(1, "5")));
    process(version(SALE.withStatus("void"), line(1, "5")));
    process(version(SALE.withStatus("void"), line(1, "9")));   // not counted before or after

    assertThat(harness.extractOutputValues()).extracting(SaleDelta::txnCount).containsExactly(1, -1);
    assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);

    harness.setProcessingTime(1_000 + RETENTION.toMillis());

    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numProcessingTimeTimers()).isZero();
  }

  private void process(SilverTransaction txn) throws Exception {
    harness.processElement(new StreamRecord<>(txn));
  }

  private static SilverTransaction version(TxnHeader header, TxnLine... lines) {
    return new SilverTransaction(header.txnId(), header, List.of(lines), InputSource.POS, Instant.now());
  }

  private static TxnLine line(int lineNo, String revenue) {
    return new TxnLine(lineNo, 101, 1, new BigDecimal(revenue), BigDecimal.ZERO, "food", "t1", "t1", InputSource.POS,
        0, new RecordOrigin(Topics.POS_TRANSACTIONS.name(), 0, 1, "x1"));
  }
}
