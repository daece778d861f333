package io.suqi.lakehouse.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MinuteAggregatorTest {

  private static final Instant MINUTE = Instant.parse("2026-10-01T12:30:00Z");
  private static final Duration LATENESS = Duration.ofMinutes(5);

  private KeyedOneInputStreamOperatorTestHarness<String, SaleDelta, StoreMinute> harness;
  private int version;

  @BeforeEach
  void open() throws Exception {
    harness = new KeyedOneInputStreamOperatorTestHarness<>(
        new KeyedProcessOperator<>(new MinuteAggregator(LATENESS)), SaleDelta::storeKey, Types.STRING);
    harness.open();
    harness.setProcessingTime(5_000);
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  @Test
  void emitsEachStoreMinuteOnceTheWatermarkPassesIt() throws Exception {
    process(sale("a", 1, MINUTE.plusSeconds(5), "10.00"));
    process(sale("b", 1, MINUTE.plusSeconds(50), "2.50"));
    process(sale("c", 2, MINUTE.plusSeconds(20), "7.00"));
    process(sale("d", 1, MINUTE.plusSeconds(65), "1.00"));
    harness.processWatermark(new Watermark(MINUTE.plusSeconds(59).toEpochMilli()));
    assertThat(minutes()).isEmpty();

    harness.processWatermark(new Watermark(MINUTE.plusSeconds(60).toEpochMilli() - 1));

    assertThat(minutes()).extracting(StoreMinute::storeId, StoreMinute::windowStart, StoreMinute::windowEnd,
        StoreMinute::txnCount, minute -> minute.revenue().toPlainString()).containsExactlyInAnyOrder(
            tuple(1L, MINUTE, MINUTE.plusSeconds(60), 2L, "12.50"),
            tuple(2L, MINUTE, MINUTE.plusSeconds(60), 1L, "7.00"));
  }

  @Test
  void aCorrectionWithinTheLatenessReEmitsTheMinuteAndALaterOneIsRecordedAsLate() throws Exception {
    process(sale("a", 1, MINUTE.plusSeconds(5), "10.00"));
    process(sale("b", 1, MINUTE.plusSeconds(6), "3.00"));
    harness.processWatermark(new Watermark(MINUTE.plusSeconds(90).toEpochMilli()));

    process(takenBack("b", 1, MINUTE.plusSeconds(6), "3.00"));          // refunded 30 s after the minute
    harness.processWatermark(new Watermark(MINUTE.plus(LATENESS).plusSeconds(60).toEpochMilli()));
    process(takenBack("a", 1, MINUTE.plusSeconds(5), "10.00"));         // refunded after the lateness
    process(sale("e", 1, MINUTE.plusSeconds(7), "1.00"));               // a sale that much late

    assertThat(minutes()).extracting(StoreMinute::txnCount, minute -> minute.revenue().toPlainString())
        .containsExactly(tuple(2L, "13.00"), tuple(1L, "10.00"));
    assertThat(harness.getSideOutput(MinuteAggregator.LATE)).extracting(StreamRecord::getValue)
        .extracting(LateSale::txnId, LateSale::reason, LateSale::ts, LateSale::arrivedAt, LateSale::watermark)
        .containsExactly(
            tuple("a", LateReason.TAKEN_BACK_AFTER_CLOSE, MINUTE.plusSeconds(5), Instant.ofEpochMilli(5_000),
                MINUTE.plus(LATENESS).plusSeconds(60)),
            tuple("e", LateReason.SALE_AFTER_CLOSE, MINUTE.plusSeconds(7), Instant.ofEpochMilli(5_000),
                MINUTE.plus(LATENESS).plusSeconds(60)));
  }

  @Test
  void aSaleTakenBackWithinItsMinuteIsNotReportedAndStateAndTimersEndWithTheLateness() throws Exception {
    process(sale("a", 1, MINUTE.plusSeconds(5), "10.00"));
    process(takenBack("a", 1, MINUTE.plusSeconds(5), "10.00"));
    process(sale("b", 1, MINUTE.plusSeconds(75), "1.00"));
    assertThat(harness.numEventTimeTimers()).isEqualTo(4);   // per minute: its end and its lateness

    harness.processWatermark(new Watermark(MINUTE.plus(LATENESS).plusSeconds(120).toEpochMilli()));

    assertThat(minutes()).extracting(StoreMinute::windowStart).containsExactly(MINUTE.plusSeconds(60));
    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
  }

  @Test
  void withoutLatenessAMinuteIsFinalAtItsEnd() throws Exception {
    harness.close();
    harness = new KeyedOneInputStreamOperatorTestHarness<>(
        new KeyedProcessOperator<>(new MinuteAggregator(Duration.ZERO)), SaleDelta::storeKey, Types.STRING);
    harness.open();
    process(sale("a", 1, MINUTE.plusSeconds(5), "10.00"));
    harness.processWatermark(new Watermark(MINUTE.plusSeconds(60).toEpochMilli()));
    process(sale("b", 1, MINUTE.plusSeconds(30), "1.00"));

    assertThat(minutes()).hasSize(1);
    assertThat(harness.getSideOutput(MinuteAggregator.LATE)).hasSize(1);
    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
  }

  private java.util.List<StoreMinute> minutes() {
    return harness.extractOutputValues();
  }

  private void process(SaleDelta delta) throws Exception {
    harness.processElement(new StreamRecord<>(delta));
  }

  private SaleDelta sale(String txnId, long storeId, Instant ts, String revenue) {
    double value = Double.parseDouble(revenue);
    return new SaleDelta(txnId, ++version, "t1", storeId, ts, 1, new BigDecimal(revenue), value * value, 0);
  }

  private SaleDelta takenBack(String txnId, long storeId, Instant ts, String revenue) {
    double value = Double.parseDouble(revenue);
    return new SaleDelta(txnId, ++version, "t1", storeId, ts, -1, new BigDecimal(revenue).negate(), -value * value, 0);
  }
}
