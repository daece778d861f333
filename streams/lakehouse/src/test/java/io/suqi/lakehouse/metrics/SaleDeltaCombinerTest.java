package io.suqi.lakehouse.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Store sales changes added up per store, minute and direction before the shuffle. */
class SaleDeltaCombinerTest {

  private static final Instant MINUTE = Instant.parse("2026-10-01T10:00:00Z");
  private static final Duration LATENESS = Duration.ofMinutes(5);

  private OneInputStreamOperatorTestHarness<SaleDelta, SaleDelta> harness;

  @BeforeEach
  void open() throws Exception {
    harness = new OneInputStreamOperatorTestHarness<>(new SaleDeltaCombiner(Duration.ofMillis(200), LATENESS));
    harness.open();
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  @Test
  void theSalesOfAStoreMinuteAreAddedUpApartFromTakeBacks() throws Exception {
    // Given, within one interval: two sales and a refund in one minute, a sale of another store
    harness.setProcessingTime(1_000);
    process(delta("a", 1L, MINUTE.plusSeconds(5), 1, "10.00"));
    process(delta("b", 1L, MINUTE.plusSeconds(50), 1, "2.50"));
    process(delta("c", 1L, MINUTE.plusSeconds(20), -1, "-4.00"));
    process(delta("d", 2L, MINUTE.plusSeconds(5), 1, "7.00"));
    assertThat(harness.extractOutputValues()).as("held until the interval ends").isEmpty();

    // When the interval ends
    harness.setProcessingTime(1_200);

    // Then one sum per store, minute and direction; a sum keeps the latest sale time and no
    // transaction; a change alone in its group is handed on as it came
    assertThat(harness.extractOutputValues()).extracting(SaleDelta::txnId, SaleDelta::storeId, SaleDelta::ts,
        SaleDelta::txnCount, d -> d.revenue().toPlainString(), SaleDelta::revenueSquared)
        .containsExactlyInAnyOrder(
            tuple(null, 1L, MINUTE.plusSeconds(50), 2, "12.50", 106.25),
            tuple("c", 1L, MINUTE.plusSeconds(20), -1, "-4.00", -16.0),
            tuple("d", 2L, MINUTE.plusSeconds(5), 1, "7.00", 49.0));
    // And nothing is held: a later interval adds nothing
    harness.setProcessingTime(1_400);
    assertThat(harness.extractOutputValues()).hasSize(3);
  }

  @Test
  void whatIsHeldIsHandedOnBeforeTheNextWatermark() throws Exception {
    // Given two sales held
    harness.setProcessingTime(1_000);
    process(delta("a", 1L, MINUTE.plusSeconds(5), 1, "10.00"));
    process(delta("b", 1L, MINUTE.plusSeconds(6), 1, "1.00"));

    // When a watermark past their minute and its lateness arrives before the interval ends
    Watermark past = new Watermark(MINUTE.plus(LATENESS).plusSeconds(120).toEpochMilli());
    harness.processWatermark(past);

    // Then their sum comes first and the watermark after it, so the minute operator counts it
    assertThat(harness.getOutput()).hasSize(2);
    Object[] output = harness.getOutput().toArray();
    assertThat(((StreamRecord<?>) output[0]).getValue()).extracting("txnCount").isEqualTo(2);
    assertThat(output[1]).isEqualTo(past);
  }

  @Test
  void aChangeThatMayBeLateKeepsItsTransaction() throws Exception {
    // Given a watermark past the minute and its allowed lateness
    harness.setProcessingTime(1_000);
    harness.processWatermark(new Watermark(MINUTE.plus(LATENESS).plusSeconds(120).toEpochMilli()));

    // When two changes of that minute arrive
    process(delta("late-1", 1L, MINUTE.plusSeconds(5), 1, "10.00"));
    process(delta("late-2", 1L, MINUTE.plusSeconds(6), 1, "1.00"));
    harness.prepareSnapshotPreBarrier(1);

    // Then each is handed on as it came (gold.late_events records each transaction)
    assertThat(harness.extractOutputValues()).extracting(SaleDelta::txnId, SaleDelta::version)
        .containsExactlyInAnyOrder(tuple("late-1", 1), tuple("late-2", 1));
  }

  private void process(SaleDelta delta) throws Exception {
    harness.processElement(new StreamRecord<>(delta));
  }

  private static SaleDelta delta(String txnId, long storeId, Instant ts, int txnCount, String revenue) {
    BigDecimal amount = new BigDecimal(revenue);
    double squared = Math.signum(txnCount) * amount.doubleValue() * amount.doubleValue();
    return new SaleDelta(txnId, 1, "t1", storeId, ts, txnCount, amount, squared, 0);
  }
}
