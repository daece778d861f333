package io.suqi.lakehouse.gold;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GoldChangeNotifierTest {

  private KeyedOneInputStreamOperatorTestHarness<String, SalesCell, TenantGoldChange> harness;

  @BeforeEach
  void open() throws Exception {
    harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(new GoldChangeNotifier(Duration.ofSeconds(1)),
        SalesCell::tenantId, Types.STRING);
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  @Test
  void manyChangedCellsOfATenantMakeOneNoticePerIntervalThenNoStateOrTimerIsLeft() throws Exception {
    // Given: three cells of acme and one of globex change within one interval
    harness.setProcessingTime(10_000);
    process(cell("acme", 1L));
    process(cell("acme", 2L));
    harness.setProcessingTime(10_400);
    process(cell("acme", 1L));
    process(cell("globex", 7L));
    assertThat(harness.numProcessingTimeTimers()).isEqualTo(2);

    // When the intervals end
    harness.setProcessingTime(11_400);

    // Then one notice per tenant, stamped when it went out, and nothing kept
    assertThat(harness.extractOutputValues()).containsExactly(
        new TenantGoldChange("acme", Instant.ofEpochMilli(11_000)),
        new TenantGoldChange("globex", Instant.ofEpochMilli(11_400)));
    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numProcessingTimeTimers()).isZero();

    // And a later change makes a new notice
    process(cell("acme", 3L));
    harness.setProcessingTime(12_400);
    assertThat(harness.extractOutputValues()).hasSize(3);
  }

  private void process(SalesCell cell) throws Exception {
    harness.processElement(new StreamRecord<>(cell, 0L));
  }

  private static SalesCell cell(String tenant, Long store) {
    return new SalesCell(SalesGrain.DAILY_STORE, tenant, store, Instant.parse("2026-10-01T00:00:00Z"), null, null,
        BigDecimal.TEN, 1, 1);
  }
}
