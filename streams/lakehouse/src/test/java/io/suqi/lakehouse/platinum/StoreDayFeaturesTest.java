package io.suqi.lakehouse.platinum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.suqi.lakehouse.gold.SalesCell;
import io.suqi.lakehouse.gold.SalesGrain;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StoreDayFeaturesTest {

  /** A Friday; 2026-05-25, 24 days later, is Memorial Day. */
  private static final LocalDate DAY0 = LocalDate.parse("2026-05-01");

  private KeyedOneInputStreamOperatorTestHarness<String, SalesCell, StoreDayFeatures> harness;

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  @Test
  void trailingWindowsAndLagsEndTheDayBefore() throws Exception {
    // Given thirty days of sales, day i with (i + 1) transactions of 10.00 and two units each
    open(PlatinumSettings.DEFAULTS);
    for (int i = 0; i < 30; i++) {
      process(total(i, (i + 1) * 10, i + 1));
    }

    // Then each day was emitted once, as it came (it was the latest day every time)
    List<StoreDayFeatures> rows = rows();
    assertThat(rows).extracting(StoreDayFeatures::date)
        .containsExactlyElementsOf(LongStream.range(0, 30).mapToObj(this::day).toList());
    // And the last row reads days 22..28 for its week and 1..28 for its four weeks, never day 29
    StoreDayFeatures last = rows.get(29);
    assertThat(last.revenue()).isEqualByComparingTo("300");
    assertThat(last.txnCount()).isEqualTo(30);
    assertThat(last.units()).isEqualTo(60);
    assertThat(last.avgBasket()).isEqualByComparingTo("10");
    assertThat(last.revenue7d()).isEqualByComparingTo("1820");       // (23 + … + 29) × 10
    assertThat(last.txnCount7d()).isEqualTo(182);
    assertThat(last.revenue28d()).isEqualByComparingTo("4340");      // (2 + … + 29) × 10
    assertThat(last.txnCount28d()).isEqualTo(434);
    assertThat(last.revenueLag1d()).isEqualByComparingTo("290");
    assertThat(last.revenueLag7d()).isEqualByComparingTo("230");
    assertThat(last.revenueLag28d()).isEqualByComparingTo("20");
    assertThat(last.dayOfWeek()).isEqualTo(6);                       // 2026-05-30, a Saturday
    assertThat(last.month()).isEqualTo(5);
    assertThat(last.holiday()).isFalse();
    // And before the store's first day there is nothing: the first row has empty windows
    StoreDayFeatures first = rows.get(0);
    assertThat(first.revenue7d()).isEqualByComparingTo("0");
    assertThat(first.revenueLag1d()).isEqualByComparingTo("0");
    assertThat(rows.get(24).holiday()).as("Memorial Day").isTrue();
  }

  @Test
  void aLateDayReEmitsItselfAndTheTwentyEightDaysAfterIt() throws Exception {
    // Given forty-one days of 10.00 a day
    open(PlatinumSettings.DEFAULTS);
    for (int i = 0; i <= 40; i++) {
      process(total(i, 10, 1));
    }
    harness.getOutput().clear();

    // When day 5 is corrected to 40.00 (a backlog uploaded late)
    process(total(5, 40, 4));

    // Then days 5..33 are emitted again, absolute, and day 34 (which reads days 6..33) is not
    List<StoreDayFeatures> rows = rows();
    assertThat(rows).extracting(StoreDayFeatures::date)
        .containsExactlyElementsOf(LongStream.rangeClosed(5, 33).mapToObj(this::day).toList());
    assertThat(rows.get(0).revenue()).isEqualByComparingTo("40");
    assertThat(rows.get(0).revenue7d()).isEqualByComparingTo("50");   // days 0..4
    assertThat(rows.get(1).revenueLag1d()).isEqualByComparingTo("40");
    assertThat(rows.get(1).revenue7d()).isEqualByComparingTo("90");   // days 0..5
    assertThat(rows.get(7).revenueLag7d()).isEqualByComparingTo("40");
    assertThat(rows.get(28).date()).isEqualTo(day(33));
    assertThat(rows.get(28).revenue28d()).isEqualByComparingTo("310");   // days 5..32
    assertThat(rows.get(28).revenueLag28d()).isEqualByComparingTo("40");
  }

  @Test
  void aDayWhoseSalesAreAllTakenBackDropsToZero() throws Exception {
    // Given four days of sales
    open(PlatinumSettings.DEFAULTS);
    for (int i = 0; i < 4; i++) {
      process(total(i, 10, 1));
    }
    harness.getOutput().clear();

    // When day 1's only sale is refunded (gold emits its total with no transaction)
    process(total(1, 0, 0));

    // Then day 1 stays in the series at zero, and the days after it no longer count it
    assertThat(rows()).extracting(StoreDayFeatures::date, row -> row.revenue().toPlainString(),
        StoreDayFeatures::txnCount, StoreDayFeatures::avgBasket, row -> row.revenueLag1d().toPlainString(),
        row -> row.revenue7d().toPlainString()).containsExactly(
            tuple(day(1), "0", 0L, null, "10", "10"),
            tuple(day(2), "10", 1L, new BigDecimal("10.0000"), "0", "10"),
            tuple(day(3), "10", 1L, new BigDecimal("10.0000"), "10", "20"));
    // And its total is gone from state
    assertThat(daysKept()).containsExactlyInAnyOrder(0L, 2L, 3L);
  }

  @Test
  void daysWithoutSalesBetweenTheFirstAndTheLatestGetZeroRows() throws Exception {
    // Given a sale on day 10
    open(PlatinumSettings.DEFAULTS);
    process(total(10, 10, 1));
    harness.getOutput().clear();

    // When the next sale is on day 14, then one on day 7 (before the first)
    process(total(14, 20, 2));
    List<StoreDayFeatures> afterGap = rows();
    harness.getOutput().clear();
    process(total(7, 5, 1));

    // Then days 11..13 were emitted at zero with the new day
    assertThat(afterGap).extracting(StoreDayFeatures::date, row -> row.revenue().toPlainString(),
        row -> row.revenueLag1d().toPlainString(), row -> row.revenue7d().toPlainString()).containsExactly(
            tuple(day(11), "0", "10", "10"),
            tuple(day(12), "0", "0", "10"),
            tuple(day(13), "0", "0", "10"),
            tuple(day(14), "20", "0", "10"));
    // And the earlier first day brings days 8 and 9 in, and every day it reaches is recomputed
    assertThat(rows()).extracting(StoreDayFeatures::date)
        .containsExactlyElementsOf(LongStream.rangeClosed(7, 14).mapToObj(this::day).toList());
    assertThat(rows().get(7).revenue7d()).isEqualByComparingTo("15");   // day 14 reads days 7..13
  }

  @Test
  void daysBeyondTheRetentionAreForgottenAndAChangeToThemIsIgnored() throws Exception {
    // Given a retention of 30 days, and sales on days 0 and 10
    open(new PlatinumSettings(30));
    process(total(0, 10, 1));
    process(total(10, 10, 1));
    assertThat(daysKept()).containsExactlyInAnyOrder(0L, 10L);
    harness.getOutput().clear();

    // When the next sale is on day 100
    process(total(100, 10, 1));

    // Then only the days still within reach get rows (from day 70), and the old totals are gone
    // (days 42..69 would be kept, as the windows of days 70..97 read them)
    assertThat(rows()).extracting(StoreDayFeatures::date)
        .containsExactlyElementsOf(LongStream.rangeClosed(70, 100).mapToObj(this::day).toList());
    assertThat(daysKept()).containsExactly(100L);
    harness.getOutput().clear();

    // When a correction comes for day 50, older than the retention, and one for day 80
    process(total(50, 99, 9));
    assertThat(rows()).isEmpty();
    process(total(80, 10, 1));

    // Then the first is ignored and the second applied as usual
    assertThat(rows()).extracting(StoreDayFeatures::date)
        .containsExactlyElementsOf(LongStream.rangeClosed(80, 100).mapToObj(this::day).toList());
    assertThat(daysKept()).containsExactlyInAnyOrder(80L, 100L);
  }

  @Test
  void storesAreKeptApart() throws Exception {
    // Given sales of two stores on the same day
    open(PlatinumSettings.DEFAULTS);
    process(total(0, 10, 1));
    process(new SalesCell(SalesGrain.DAILY_STORE, "t1", 2L, instant(1), null, null, new BigDecimal("7"), 1, 1));

    // Then each store's series starts at its own first day
    assertThat(rows()).extracting(StoreDayFeatures::storeId, StoreDayFeatures::date)
        .containsExactly(tuple(1L, day(0)), tuple(2L, day(1)));
    assertThat(harness.numKeyedStateEntries()).as("days and span of each store").isEqualTo(4);
  }

  private void open(PlatinumSettings settings) throws Exception {
    harness = new KeyedOneInputStreamOperatorTestHarness<>(
        new KeyedProcessOperator<>(new StoreDayFeaturizer(settings)), StoreDayFeaturizer::storeKey, Types.STRING);
    harness.open();
  }

  private void process(SalesCell total) throws Exception {
    harness.processElement(new StreamRecord<>(total));
  }

  private List<StoreDayFeatures> rows() {
    return harness.extractOutputValues();
  }

  /** The days whose totals store t1/1 keeps, as offsets from DAY0. */
  private List<Long> daysKept() throws Exception {
    KeyedStateBackend<String> backend = harness.getOperator().getKeyedStateBackend();
    backend.setCurrentKey("t1/1");
    MapState<Long, DaySales> days = backend.getPartitionedState(VoidNamespace.INSTANCE,
        VoidNamespaceSerializer.INSTANCE, StoreDayFeaturizer.daysDescriptor());
    List<Long> kept = new ArrayList<>();
    days.keys().forEach(epochDay -> kept.add(epochDay - DAY0.toEpochDay()));
    return kept;
  }

  /** Store t1/1's absolute total on DAY0 + {@code offset}: {@code txns} transactions of two units. */
  private static SalesCell total(long offset, long revenue, long txns) {
    return new SalesCell(SalesGrain.DAILY_STORE, "t1", 1L, instant(offset), null, null, BigDecimal.valueOf(revenue),
        2 * txns, txns);
  }

  private static java.time.Instant instant(long offset) {
    return DAY0.plusDays(offset).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  private LocalDate day(long offset) {
    return DAY0.plusDays(offset);
  }
}
