package io.suqi.lakehouse.platinum;

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.util.ListCollector;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The two RFM steps in a row, as the job runs them: silver changes → purchase changes → customer RFM. */
class CustomerRfmTest {

  private static final Instant T1 = Instant.parse("2026-10-01T09:15:00Z");
  private static final Instant T2 = Instant.parse("2026-10-03T18:40:00Z");
  private static final Instant T3 = Instant.parse("2026-10-07T12:00:00Z");

  private final PurchaseDeltas purchases = new PurchaseDeltas();
  /** What silver last emitted per txn_id, to hand over as the previous version. */
  private final Map<String, SilverTransaction> emitted = new HashMap<>();
  private KeyedOneInputStreamOperatorTestHarness<String, PurchaseChanges, CustomerRfm> customers;

  @BeforeEach
  void open() throws Exception {
    customers = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new CustomerRfmAggregator()),
        PurchaseChanges::customerKey, Types.STRING);
    customers.open();
  }

  @AfterEach
  void close() throws Exception {
    customers.close();
  }

  @Test
  void aPurchaseCountsForItsCustomerAndAnAnonymousSaleForNobody() throws Exception {
    // When customer 7 buys for 10.00, and someone anonymous for 3.00
    process(version(header("x1", 7L, T1, "completed"), line(1, "10.00")));
    process(version(header("x2", null, T1, "completed"), line(1, "3.00")));

    // Then only customer 7 has RFM values
    assertThat(rfm()).extracting(CustomerRfm::tenantId, CustomerRfm::customerId, CustomerRfm::firstPurchaseAt,
        CustomerRfm::lastPurchaseAt, CustomerRfm::frequency, row -> row.monetary().toPlainString())
        .containsExactly(tuple("t1", 7L, T1, T1, 1L, "10.00"));
  }

  @Test
  void aSecondPurchaseMovesTheLastPurchaseAndAddsUp() throws Exception {
    // Given a purchase at T2
    process(version(header("x1", 7L, T2, "completed"), line(1, "10.00")));

    // When the customer's earlier purchase arrives, as a CDC header before its lines
    process(version(header("x2", 7L, T1, "completed")));
    process(version(header("x2", 7L, T1, "completed"), line(1, "2.50"), line(2, "2.50")));

    // Then each change emits the customer's absolute values
    assertThat(rfm()).extracting(CustomerRfm::firstPurchaseAt, CustomerRfm::lastPurchaseAt, CustomerRfm::frequency,
        row -> row.monetary().toPlainString()).containsExactly(
            tuple(T2, T2, 1L, "10.00"),
            tuple(T1, T2, 2L, "10.00"),
            tuple(T1, T2, 2L, "15.00"));
  }

  @Test
  void aRefundOfTheLatestPurchaseMovesTheLastPurchaseBack() throws Exception {
    // Given purchases at T1, T2 and T3
    process(version(header("x1", 7L, T1, "completed"), line(1, "1.00")));
    process(version(header("x2", 7L, T2, "completed"), line(1, "2.00")));
    process(version(header("x3", 7L, T3, "completed"), line(1, "4.00")));

    // When the latest is refunded, then the first voided
    process(version(header("x3", 7L, T3, "refunded"), line(1, "4.00")));
    process(version(header("x1", 7L, T1, "void"), line(1, "1.00")));

    // Then the purchase times close in on what is left
    assertThat(rfm()).extracting(CustomerRfm::firstPurchaseAt, CustomerRfm::lastPurchaseAt, CustomerRfm::frequency,
        row -> row.monetary().toPlainString()).endsWith(
            tuple(T1, T3, 3L, "7.00"),
            tuple(T1, T2, 2L, "3.00"),
            tuple(T2, T2, 1L, "2.00"));
  }

  @Test
  void twoPurchasesAtTheSameTimeKeepItWhenOneIsTakenBack() throws Exception {
    // Given two purchases at T2 and one at T1
    process(version(header("x1", 7L, T1, "completed"), line(1, "1.00")));
    process(version(header("x2", 7L, T2, "completed"), line(1, "2.00")));
    process(version(header("x3", 7L, T2, "completed"), line(1, "3.00")));

    // When one of those at T2 is refunded
    process(version(header("x3", 7L, T2, "refunded"), line(1, "3.00")));

    // Then the last purchase is still at T2
    assertThat(rfm().get(rfm().size() - 1)).extracting(CustomerRfm::lastPurchaseAt, CustomerRfm::frequency)
        .containsExactly(T2, 2L);
  }

  @Test
  void aPurchaseMovedToAnotherCustomerLeavesTheFirst() throws Exception {
    // Given a purchase of customer 7
    process(version(header("x1", 7L, T1, "completed"), line(1, "5.00")));

    // When the transaction is corrected to customer 8
    process(version(header("x1", 8L, T1, "completed"), line(1, "5.00")));

    // Then customer 7 is gone and customer 8 has it
    assertThat(rfm()).extracting(CustomerRfm::customerId, CustomerRfm::frequency, CustomerRfm::isGone)
        .containsExactly(tuple(7L, 1L, false), tuple(7L, 0L, true), tuple(8L, 1L, false));
  }

  @Test
  void everythingTakenBackClearsStateAndTimers() throws Exception {
    // Given two purchases
    process(version(header("x1", 7L, T1, "completed"), line(1, "1.00")));
    process(version(header("x2", 7L, T2, "completed"), line(1, "2.00")));

    // When one is refunded and the other deleted
    process(version(header("x1", 7L, T1, "refunded"), line(1, "1.00")));
    process(SilverTransaction.deleted("x2", T3));

    // Then the customer is emitted once more as gone, and nothing is left of it
    CustomerRfm last = rfm().get(rfm().size() - 1);
    assertThat(last.isGone()).isTrue();
    assertThat(last.firstPurchaseAt()).isNull();
    assertThat(customers.numKeyedStateEntries()).isZero();
    assertThat(customers.numProcessingTimeTimers()).isZero();
  }

  /** Runs a silver version, with the one before it, through both steps. */
  private void process(SilverTransaction txn) throws Exception {
    List<PurchaseDelta> deltas = new ArrayList<>();
    purchases.flatMap(new SilverChange(emitted.put(txn.txnId(), txn), txn, 1), new ListCollector<>(deltas));
    for (PurchaseDelta delta : deltas) {
      customers.processElement(new StreamRecord<>(PurchaseChanges.of(delta)));
    }
  }

  /** Runs silver versions through both steps with the combiner between them, as one interval. */
  private void processCombined(SilverTransaction... versions) throws Exception {
    try (OneInputStreamOperatorTestHarness<PurchaseDelta, PurchaseChanges> combiner =
        new OneInputStreamOperatorTestHarness<>(new PurchaseDeltaCombiner(Duration.ofSeconds(1)))) {
      combiner.open();
      for (SilverTransaction txn : versions) {
        List<PurchaseDelta> deltas = new ArrayList<>();
        purchases.flatMap(new SilverChange(emitted.put(txn.txnId(), txn), txn, 1), new ListCollector<>(deltas));
        for (PurchaseDelta delta : deltas) {
          combiner.processElement(new StreamRecord<>(delta));
        }
      }
      combiner.prepareSnapshotPreBarrier(1);
      for (PurchaseChanges changes : combiner.extractOutputValues()) {
        customers.processElement(new StreamRecord<>(changes));
      }
    }
  }

  @Test
  void changesAddedUpBeforeTheShuffleGiveTheSameValues() throws Exception {
    // Given three purchases of one customer, the latest then refunded and one moved to another
    // customer, all within one combining interval
    processCombined(version(header("x1", 7L, T1, "completed"), line(1, "1.00")),
        version(header("x2", 7L, T2, "completed"), line(1, "2.00")),
        version(header("x3", 7L, T3, "completed"), line(1, "4.00")),
        version(header("x3", 7L, T3, "refunded"), line(1, "4.00")),
        version(header("x1", 8L, T1, "completed"), line(1, "1.00")));

    // Then each customer gets one update with the values one at a time would have given
    assertThat(rfm()).extracting(CustomerRfm::customerId, CustomerRfm::frequency, r -> r.monetary().toPlainString(),
        CustomerRfm::firstPurchaseAt, CustomerRfm::lastPurchaseAt)
        .containsExactlyInAnyOrder(tuple(7L, 1L, "2.00", T2, T2), tuple(8L, 1L, "1.00", T1, T1));
  }

  private List<CustomerRfm> rfm() {
    return customers.extractOutputValues();
  }

  private static TxnHeader header(String txnId, Long customerId, Instant ts, String status) {
    return new TxnHeader(txnId, "t1", 1, customerId, ts, status, "card", "north");
  }

  private static SilverTransaction version(TxnHeader header, TxnLine... lines) {
    return new SilverTransaction(header.txnId(), header, List.of(lines), InputSource.POS, Instant.now());
  }

  private static TxnLine line(int lineNo, String revenue) {
    return new TxnLine(lineNo, 101, 1, new BigDecimal(revenue), BigDecimal.ZERO, "food", "t1", "t1", InputSource.POS,
        0, new RecordOrigin(Topics.POS_TRANSACTIONS.name(), 0, 1, "x1"));
  }
}
