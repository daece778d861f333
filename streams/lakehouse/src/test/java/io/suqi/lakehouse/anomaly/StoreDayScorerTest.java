package io.suqi.lakehouse.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import io.suqi.lakehouse.metrics.SaleDelta;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StoreDayScorerTest {

  private static final LocalDate FIRST_DAY = LocalDate.of(2026, 8, 3);
  private static final Duration GRACE = Duration.ofMinutes(10);
  private static final AnomalySettings SETTINGS = AnomalySettings.DEFAULTS;

  private KeyedOneInputStreamOperatorTestHarness<String, SaleDelta, DetectedAnomaly> harness;
  private int txn;

  @BeforeEach
  void open() throws Exception {
    harness = new KeyedOneInputStreamOperatorTestHarness<>(
        new KeyedProcessOperator<>(new StoreDayScorer(SETTINGS, GRACE)), SaleDelta::storeKey, Types.STRING);
    harness.open();
    harness.setProcessingTime(Instant.parse("2026-10-01T08:00:00Z").toEpochMilli());
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  @Test
  void aSpikeDayIsScoredOnceEventTimePassesItsEnd() throws Exception {
    LocalDate spike = FIRST_DAY.plusDays(35);
    for (int day = 0; day < 35; day++) {
      sales(FIRST_DAY.plusDays(day), 20);
    }
    sales(spike, 100);
    sales(spike.plusDays(1), 20);
    harness.processWatermark(new Watermark(endOf(spike).plus(GRACE).toEpochMilli() - 2));
    assertThat(anomalies()).as("still within the grace").isEmpty();

    harness.processWatermark(new Watermark(endOf(spike).plus(GRACE).toEpochMilli() - 1));

    assertThat(anomalies()).extracting(DetectedAnomaly::metric).containsExactlyInAnyOrder("txn_count", "revenue");
    DetectedAnomaly count = anomalies().stream().filter(a -> a.metric().equals("txn_count")).findFirst().orElseThrow();
    assertThat(count.anomalyId()).isEqualTo("t1/1/txn_count/" + startOf(spike));
    assertThat(count.windowStart()).isEqualTo(startOf(spike));
    assertThat(count.windowEnd()).isEqualTo(endOf(spike));
    assertThat(count.observed()).isEqualTo(100);
    assertThat(count.expected()).isEqualTo(20);
    assertThat(count.score()).isGreaterThan(SETTINGS.countThreshold());
    assertThat(count.detectedAt()).isEqualTo(Instant.parse("2026-10-01T08:00:00Z"));
    assertThat(harness.numEventTimeTimers()).as("one timer: the next day to close").isEqualTo(1);
  }

  @Test
  void aDayWithoutSalesIsAnOutageAndALateSaleCorrectsTheBaselineWithoutRescoring() throws Exception {
    LocalDate outage = FIRST_DAY.plusDays(35);
    for (int day = 0; day < 35; day++) {
      sales(FIRST_DAY.plusDays(day), 20);
    }
    sales(outage.plusDays(1), 20);
    harness.processWatermark(new Watermark(endOf(outage.plusDays(1)).toEpochMilli()));
    sales(outage, 1);                                     // arrives after the day was scored

    assertThat(anomalies()).extracting(DetectedAnomaly::metric, DetectedAnomaly::observed)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("txn_count", 0.0),
            org.assertj.core.groups.Tuple.tuple("revenue", 0.0));
  }

  @Test
  void aDropBeyondTheDropThresholdIsAnAnomalyEvenWhereASpikeAsFarOutWouldNotBe() throws Exception {
    // Given five weeks of 20 sales a day
    LocalDate drop = FIRST_DAY.plusDays(35);
    for (int day = 0; day < 35; day++) {
      sales(FIRST_DAY.plusDays(day), 20);
    }

    // When a day has only 4 (a till down most of the day) and is closed
    sales(drop, 4);
    sales(drop.plusDays(1), 20);
    harness.processWatermark(new Watermark(endOf(drop).plus(GRACE).toEpochMilli()));

    // Then the count is reported as a drop: below -countDropThreshold though not beyond -countThreshold
    assertThat(anomalies()).extracting(DetectedAnomaly::metric).containsExactly("txn_count");
    DetectedAnomaly count = anomalies().get(0);
    assertThat(count.observed()).isEqualTo(4);
    assertThat(count.score()).isLessThanOrEqualTo(-SETTINGS.countDropThreshold())
        .isGreaterThan(-SETTINGS.countThreshold());
    assertThat(harness.numEventTimeTimers()).as("one timer: the next day to close").isEqualTo(1);
  }

  @Test
  void aStoreWithTooLittleHistoryIsNotScored() throws Exception {
    for (int day = 0; day < 14; day++) {
      sales(FIRST_DAY.plusDays(day), 20);
    }
    sales(FIRST_DAY.plusDays(14), 200);
    sales(FIRST_DAY.plusDays(15), 20);
    harness.processWatermark(new Watermark(endOf(FIRST_DAY.plusDays(15)).toEpochMilli()));

    assertThat(anomalies()).isEmpty();
  }

  @Test
  void aSilentStoreIsForgottenWithItsStateAndTimer() throws Exception {
    for (int day = 0; day < 35; day++) {
      sales(FIRST_DAY.plusDays(day), 20);
    }
    assertThat(harness.numKeyedStateEntries()).isPositive();

    harness.processWatermark(new Watermark(endOf(FIRST_DAY.plusDays(34 + SETTINGS.forgetAfterSilentDays() + 1))
        .plus(GRACE).toEpochMilli()));

    assertThat(anomalies()).as("the silent days were outages until the store was forgotten")
        .extracting(DetectedAnomaly::metric).contains("txn_count");
    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
  }

  @Test
  void atTheEndOfABoundedInputTheLastDayMayBeIncompleteAndIsNotScored() throws Exception {
    for (int day = 0; day < 35; day++) {
      sales(FIRST_DAY.plusDays(day), 20);
    }
    sales(FIRST_DAY.plusDays(35), 2);                      // the input stops early in the day

    harness.processWatermark(Watermark.MAX_WATERMARK);

    assertThat(anomalies()).isEmpty();
    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
  }

  private List<DetectedAnomaly> anomalies() {
    return harness.extractOutputValues();
  }

  /** {@code count} sales of 10.00 each, spread over the day's opening hours. */
  private void sales(LocalDate day, int count) throws Exception {
    for (int i = 0; i < count; i++) {
      Instant ts = startOf(day).plus(Duration.ofHours(8)).plusSeconds(i * 600L % 50_000);
      harness.processElement(new StreamRecord<>(new SaleDelta("x" + ++txn, 1, "t1", 1, ts, 1,
          BigDecimal.TEN, 100, 0)));
    }
  }

  private static Instant startOf(LocalDate day) {
    return day.atStartOfDay().toInstant(ZoneOffset.UTC);
  }

  private static Instant endOf(LocalDate day) {
    return startOf(day.plusDays(1));
  }
}
