package io.suqi.lakehouse.gold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Gold deltas added up per row before the shuffle: same totals, nothing held across a checkpoint. */
class SalesDeltaCombinerTest {

  private static final Instant DAY = Instant.parse("2026-10-01T00:00:00Z");
  private static final Instant NEXT_DAY = Instant.parse("2026-10-02T00:00:00Z");

  private OneInputStreamOperatorTestHarness<SalesCell, SalesCell> harness;

  @BeforeEach
  void open() throws Exception {
    harness = new OneInputStreamOperatorTestHarness<>(new SalesDeltaCombiner(Duration.ofMillis(200)));
    harness.open();
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  @Test
  void theDeltasOfAnIntervalAreAddedUpPerRow() throws Exception {
    // Given three sales on one day and one on the next, within one interval
    harness.setProcessingTime(1_000);
    process(daily(DAY, "10.50", 2, 1));
    process(daily(DAY, "4.50", 1, 1));
    process(daily(NEXT_DAY, "7", 1, 1));
    process(daily(DAY, "1.00", 1, 1));
    assertThat(harness.extractOutputValues()).as("held until the interval ends").isEmpty();

    // When the interval ends
    harness.setProcessingTime(1_200);

    // Then one delta per row, the sum of its sales
    assertThat(harness.extractOutputValues()).extracting(SalesCell::bucket, c -> c.revenue().toPlainString(),
        SalesCell::units, SalesCell::txnCount)
        .containsExactlyInAnyOrder(tuple(DAY, "16.00", 4L, 3L), tuple(NEXT_DAY, "7", 1L, 1L));
    // And nothing is held: a checkpoint and a later interval add nothing
    harness.prepareSnapshotPreBarrier(1);
    harness.setProcessingTime(1_400);
    assertThat(harness.extractOutputValues()).hasSize(2);
  }

  @Test
  void aSaleAndItsRefundStillReachTheRowAsAZeroDelta() throws Exception {
    // Given a sale and its refund within one interval
    harness.setProcessingTime(1_000);
    process(daily(DAY, "10.50", 2, 1));
    process(daily(DAY, "-10.50", -2, -1));

    // When a checkpoint comes before the interval ends
    harness.prepareSnapshotPreBarrier(1);

    // Then the row gets a zero delta (after a restore it may hold the sale alone, written after the
    // checkpoint; the aggregate's answer to this delta is what corrects it), and nothing is held
    assertThat(harness.extractOutputValues()).extracting(SalesCell::txnCount, SalesCell::units,
        c -> c.revenue().signum()).containsExactly(tuple(0L, 0L, 0));
    harness.setProcessingTime(1_200);
    assertThat(harness.extractOutputValues()).as("the timer finds nothing left").hasSize(1);
  }

  private void process(SalesCell delta) throws Exception {
    harness.processElement(new StreamRecord<>(delta));
  }

  private static SalesCell daily(Instant day, String revenue, long units, long txns) {
    return new SalesCell(SalesGrain.DAILY_STORE, "t1", 1L, day, null, null, new BigDecimal(revenue), units, txns);
  }
}
