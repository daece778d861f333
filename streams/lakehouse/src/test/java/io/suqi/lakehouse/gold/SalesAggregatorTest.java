package io.suqi.lakehouse.gold;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SalesAggregatorTest {

  private static final Instant DAY = Instant.parse("2026-10-01T00:00:00Z");
  private static final Instant THREE_DAYS_BEFORE = Instant.parse("2026-09-28T00:00:00Z");

  private KeyedOneInputStreamOperatorTestHarness<String, SalesCell, SalesCell> harness;

  @BeforeEach
  void open() throws Exception {
    harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(new SalesAggregator(Duration.ofMillis(200)), SalesCell::key,
        Types.STRING);

  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  @Test
  void emitsTheLatestAbsoluteTotalOfEachRowPerFlushInterval() throws Exception {
    harness.setProcessingTime(1_000);
    process(daily(DAY, "10.50", 2, 1));
    harness.setProcessingTime(1_200);
    assertThat(harness.extractOutputValues()).hasSize(1);
    process(daily(DAY, "4.50", 1, 1));
    process(daily(DAY, "0.00", 0, 0));
    process(daily(THREE_DAYS_BEFORE, "7", 1, 1));   // a late backlog updates its own day
    assertThat(harness.numProcessingTimeTimers()).isEqualTo(2);
    harness.setProcessingTime(1_400);

    assertThat(harness.extractOutputValues()).extracting(SalesCell::bucket, c -> c.revenue().toPlainString(),
        SalesCell::units, SalesCell::txnCount).containsExactly(
            org.assertj.core.groups.Tuple.tuple(DAY, "10.50", 2L, 1L),
            org.assertj.core.groups.Tuple.tuple(DAY, "15.00", 3L, 2L),
            org.assertj.core.groups.Tuple.tuple(THREE_DAYS_BEFORE, "7", 1L, 1L));
    assertThat(harness.numKeyedStateEntries()).as("two totals, no pending flush").isEqualTo(2);
    assertThat(harness.numProcessingTimeTimers()).isZero();
  }

  @Test
  void aRowWhoseLastSaleIsTakenBackIsEmittedAsEmptyAndForgotten() throws Exception {
    harness.setProcessingTime(1_000);
    process(daily(DAY, "10.50", 2, 1));
    harness.setProcessingTime(1_200);
    process(daily(DAY, "-10.50", -2, -1));
    harness.setProcessingTime(1_400);

    List<SalesCell> totals = harness.extractOutputValues();
    assertThat(totals.get(1).txnCount()).isZero();
    assertThat(totals.get(1).revenue()).isEqualByComparingTo(BigDecimal.ZERO);
    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numProcessingTimeTimers()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
  }

  @Test
  void withoutAFlushIntervalEveryChangeIsEmittedAtOnce() throws Exception {
    harness.close();
    harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(new SalesAggregator(Duration.ZERO), SalesCell::key,
        Types.STRING);
    process(daily(DAY, "10.50", 2, 1));
    process(daily(DAY, "-10.50", -2, -1));

    assertThat(harness.extractOutputValues()).extracting(SalesCell::txnCount).containsExactly(1L, 0L);
    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numProcessingTimeTimers()).isZero();
  }

  private void process(SalesCell delta) throws Exception {
    harness.processElement(new StreamRecord<>(delta));
  }

  private static SalesCell daily(Instant day, String revenue, long units, long txns) {
    return new SalesCell(SalesGrain.DAILY_STORE, "t1", 1L, day, null, null, new BigDecimal(revenue), units, txns);
  }
}
