package io.suqi.lakehouse.silver;

import static org.assertj.core.api.Assertions.assertThat;

import io.suqi.lakehouse.bronze.InputSource;
import io.suqi.lakehouse.gold.SalesCell;
import io.suqi.lakehouse.gold.SalesGrain;
import io.suqi.lakehouse.quality.QualityOutputs;
import io.suqi.lakehouse.quality.QuarantinedRecord;
import io.suqi.schemas.Topics;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.OperatorSnapshotUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TxnMergerTest {

  private static final Duration RETENTION = Duration.ofDays(7);
  private static final Instant TS = Instant.parse("2026-10-01T12:30:00Z");
  private static final TxnHeader SALE = new TxnHeader("x1", "t1", 1, null, TS, "completed", "card", "north");
  private static final RecordOrigin POS_ORIGIN = new RecordOrigin(Topics.POS_TRANSACTIONS.name(), 0, 1, "x1");

  private KeyedOneInputStreamOperatorTestHarness<String, TxnChange, SilverTransaction> harness;

  @BeforeEach
  void open() throws Exception {
    harness = newHarness();
    harness.open();
    at(1_000);
  }

  /** Processing time, for the operator and for its state's time-to-live. */
  private void at(long millis) throws Exception {
    harness.setProcessingTime(millis);
    harness.setStateTtlProcessingTime(millis);
  }


  private static KeyedOneInputStreamOperatorTestHarness<String, TxnChange, SilverTransaction> newHarness()
      throws Exception {
    return new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new TxnMerger(RETENTION)),
        TxnChange::txnId, Types.STRING);
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  @Test
  void emitsANewTransactionOnceWithItsContributionToEveryGrain() throws Exception {
    process(pos(SALE, posLine(1, 101, 2, "12.50", "1.00", "food"), posLine(2, 102, 1, "3.00", "0", "drinks")));
    process(pos(SALE, posLine(1, 101, 2, "12.50", "1.00", "food"), posLine(2, 102, 1, "3.00", "0", "drinks")));

    assertThat(harness.extractOutputValues()).singleElement().satisfies(txn -> {
      assertThat(txn.source()).isEqualTo(InputSource.POS);
      assertThat(txn.lines()).extracting(TxnLine::lineNo).containsExactly(1, 2);
    });
    List<SalesCell> deltas = deltas();
    assertThat(deltas).hasSize(4);
    SalesCell daily = cell(deltas, SalesGrain.DAILY_STORE);
    assertThat(daily.bucket()).isEqualTo(Instant.parse("2026-10-01T00:00:00Z"));
    assertThat(daily.revenue()).isEqualByComparingTo("27.00");
    assertThat(daily.units()).isEqualTo(3);
    assertThat(daily.txnCount()).isEqualTo(1);
    assertThat(cell(deltas, SalesGrain.HOURLY_STORE).bucket()).isEqualTo(Instant.parse("2026-10-01T12:00:00Z"));
    assertThat(deltas).filteredOn(d -> d.grain() == SalesGrain.DAILY_CATEGORY_REGION)
        .extracting(SalesCell::category, SalesCell::region, SalesCell::units)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("drinks", "north", 1L),
            org.assertj.core.groups.Tuple.tuple("food", "north", 2L));
  }

  @Test
  void aRefundTakesTheSaleBackAndALateCopyOfTheSaleDoesNotUndoIt() throws Exception {
    TxnLine line = posLine(1, 101, 2, "10", "0", "food");
    process(pos(SALE, line));
    process(pos(SALE.withStatus("refunded"), line));
    process(pos(SALE, line));

    assertThat(harness.extractOutputValues()).extracting(txn -> txn.header().status())
        .containsExactly("completed", "refunded");
    List<SalesCell> daily = deltas().stream().filter(d -> d.grain() == SalesGrain.DAILY_STORE).toList();
    assertThat(daily).extracting(SalesCell::txnCount).containsExactly(1L, -1L);
    assertThat(daily.get(1).revenue()).isEqualByComparingTo("-20");
  }

  @Test
  void assemblesCdcLinesThatArriveBeforeTheirHeader() throws Exception {
    process(cdcLine("x1", 2, 102, 1, "3.00", 11));
    process(cdcLine("x1", 1, 101, 2, "12.50", 12));
    assertThat(harness.extractOutputValues()).as("lines wait for their header").isEmpty();
    assertThat(harness.numProcessingTimeTimers()).as("no timer per transaction: the retention is a TTL").isZero();

    process(cdcHeader(SALE, 10));

    assertThat(harness.extractOutputValues()).singleElement().satisfies(txn -> {
      assertThat(txn.source()).isEqualTo(InputSource.CDC);
      assertThat(txn.lines()).extracting(TxnLine::lineNo).containsExactly(1, 2);
    });
    assertThat(cell(deltas(), SalesGrain.DAILY_STORE).revenue()).isEqualByComparingTo("28.00");
  }

  @Test
  void theSameSaleFromPosAndCdcIsKeptOnce() throws Exception {
    process(pos(SALE, posLine(1, 101, 2, "12.5", "0", "food")));
    process(cdcHeader(SALE, 10));
    process(cdcLine("x1", 1, 101, 2, "12.50", 11));

    assertThat(harness.extractOutputValues()).hasSize(1);
    assertThat(deltas()).hasSize(3);
  }

  @Test
  void cdcChangesApplyInLogOrderAndOverridePos() throws Exception {
    process(pos(SALE, posLine(1, 101, 1, "10", "0", "food")));
    process(cdcHeader(SALE.withStatus("void"), 20));
    process(cdcHeader(SALE, 15));   // an older change, redelivered

    assertThat(harness.extractOutputValues()).extracting(txn -> txn.header().status())
        .containsExactly("completed", "void");
    assertThat(harness.extractOutputValues().get(1).source()).isEqualTo(InputSource.CDC);
  }

  @Test
  void aDeleteTakesTheTransactionBackAndLeavesATombstoneUntilTheRetentionEnds() throws Exception {
    process(cdcHeader(SALE, 10));
    process(cdcLine("x1", 1, 101, 2, "5", 11));
    assertThat(harness.numKeyedStateEntries()).isGreaterThan(0);

    process(new TxnChange(ChangeKind.CDC_HEADER_DELETE, "x1", null, List.of(), 12, cdcOrigin()));

    assertThat(harness.extractOutputValues()).last().satisfies(txn -> assertThat(txn.isDeleted()).isTrue());
    List<SalesCell> daily = deltas().stream().filter(d -> d.grain() == SalesGrain.DAILY_STORE).toList();
    assertThat(daily.stream().mapToLong(SalesCell::txnCount).sum()).isZero();
    assertThat(daily.stream().map(SalesCell::revenue).reduce(BigDecimal.ZERO, BigDecimal::add)).isZero();
    assertThat(daily.get(daily.size() - 1).revenue()).isEqualByComparingTo("-10");
    assertThat(harness.numKeyedStateEntries()).as("the tombstone").isGreaterThan(0);

    // When the retention has passed (expired state is never read again; RocksDB's compaction
    // drops it), a copy of the sale is a new transaction, numbered from 1
    at(1_000 + RETENTION.toMillis());
    process(pos(SALE, posLine(1, 101, 2, "5", "0", "food")));
    assertThat(harness.getSideOutput(TxnMerger.CHANGES)).last().extracting(r -> r.getValue().number()).isEqualTo(1);
    assertThat(harness.numProcessingTimeTimers()).isZero();
  }

  @Test
  void everyVersionIsHandedOnWithTheOneBeforeAndANumberThatOutlivesADelete() throws Exception {
    // Given a sale, its refund, its delete, and a late copy that brings it back
    process(pos(SALE, posLine(1, 101, 1, "10", "0", "food")));
    process(pos(SALE.withStatus("refunded"), posLine(1, 101, 1, "10", "0", "food")));
    process(new TxnChange(ChangeKind.CDC_HEADER_DELETE, "x1", null, List.of(), 12, cdcOrigin()));
    process(new TxnChange(ChangeKind.CDC_HEADER_DELETE, "x1", null, List.of(), 12, cdcOrigin()));   // redelivered
    process(pos(SALE, posLine(1, 101, 1, "10", "0", "food")));

    // Then each change names its previous version, numbered on across the delete
    List<SilverChange> changes = harness.getSideOutput(TxnMerger.CHANGES).stream().map(r -> r.getValue()).toList();
    assertThat(changes).extracting(SilverChange::number).containsExactly(1, 2, 3, 4);
    assertThat(changes.get(0).previous()).isNull();
    assertThat(changes.get(1).previous().header().status()).isEqualTo("completed");
    assertThat(changes.get(2).current().isDeleted()).isTrue();
    assertThat(changes.get(3).previous().isDeleted()).isTrue();
    assertThat(changes.get(3).current().header().status()).isEqualTo("completed");
  }

  @Test
  void aLineDeletedBeforeItsHeaderArrivedLeavesNoState() throws Exception {
    process(cdcLine("x1", 1, 101, 2, "5", 11));
    process(new TxnChange(ChangeKind.CDC_LINE_DELETE, "x1", null,
        List.of(new TxnLine(1, 0, 0, null, null, null, null, null, InputSource.CDC, 12, cdcOrigin())), 12, cdcOrigin()));

    assertThat(harness.extractOutputValues()).isEmpty();
    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numProcessingTimeTimers()).isZero();
  }

  @Test
  void aCdcLineOfAnotherTenantsProductIsQuarantinedWhenItMeetsItsHeader() throws Exception {
    process(cdcLine("x1", 1, 101, 1, "5", 11));
    TxnLine foreign = new TxnLine(2, 201, 1, new BigDecimal("9"), BigDecimal.ZERO, "toys", "t2", null,
        InputSource.CDC, 12, new RecordOrigin(Topics.CDC_TRANSACTION_ITEMS.name(), 1, 44, "k"));
    process(new TxnChange(ChangeKind.CDC_LINE, "x1", null, List.of(foreign), 12, foreign.origin()));
    process(cdcHeader(SALE, 10));

    assertThat(harness.extractOutputValues()).singleElement()
        .satisfies(txn -> assertThat(txn.lines()).extracting(TxnLine::lineNo).containsExactly(1));
    assertThat(harness.getSideOutput(QualityOutputs.QUARANTINE)).singleElement().satisfies(record -> {
      QuarantinedRecord quarantined = record.getValue();
      assertThat(quarantined.expectation()).isEqualTo("product_known_for_tenant");
      assertThat(quarantined.offset()).isEqualTo(44);
      assertThat(quarantined.reason()).contains("product 201 belongs to tenant t2, not t1");
    });
  }

  @Test
  void forgetsATransactionAfterTheRetentionWithoutChanges() throws Exception {
    process(pos(SALE, posLine(1, 101, 1, "10", "0", "food")));
    at(1_000 + RETENTION.toMillis() - 1);
    process(pos(SALE, posLine(1, 101, 1, "10", "0", "food")));
    assertThat(harness.extractOutputValues()).as("a copy just before the end is recognised").hasSize(1);

    at(1_000 + RETENTION.toMillis() - 1 + RETENTION.toMillis());

    assertThat(harness.numProcessingTimeTimers()).isZero();
    assertThat(harness.extractOutputValues()).as("silver and gold keep the last version").hasSize(1);
    // A copy arriving now is a new transaction
    process(pos(SALE, posLine(1, 101, 1, "10", "0", "food")));
    assertThat(harness.getSideOutput(TxnMerger.CHANGES)).extracting(r -> r.getValue().number()).containsExactly(1, 1);
  }

  @Test
  void aChangeRestartsTheRetention() throws Exception {
    process(pos(SALE, posLine(1, 101, 1, "10", "0", "food")));
    at(1_000 + RETENTION.toMillis() / 2);
    process(pos(SALE.withStatus("refunded"), posLine(1, 101, 1, "10", "0", "food")));

    at(1_000 + RETENTION.toMillis());

    assertThat(harness.numKeyedStateEntries()).isGreaterThan(0);
    // A redelivered refund is still recognised
    process(pos(SALE.withStatus("refunded"), posLine(1, 101, 1, "10", "0", "food")));
    assertThat(harness.extractOutputValues()).hasSize(2);
  }

  @Test
  void stateSurvivesASnapshotAndRestore() throws Exception {
    process(pos(SALE, posLine(1, 101, 2, "12.50", "1.00", "food")));
    OperatorSubtaskState snapshot = harness.snapshot(1, 2_000);
    harness.close();

    harness = newHarness();
    harness.initializeState(snapshot);
    harness.open();
    process(pos(SALE, posLine(1, 101, 2, "12.50", "1.00", "food")));
    process(pos(SALE.withStatus("refunded"), posLine(1, 101, 2, "12.50", "1.00", "food")));

    assertThat(harness.extractOutputValues()).as("the duplicate is recognised after the restore")
        .extracting(txn -> txn.header().status()).containsExactly("refunded");
    assertThat(cell(deltas(), SalesGrain.DAILY_STORE).revenue()).isEqualByComparingTo("-24.00");
  }

  /**
   * The snapshots hold a sale, taken at 1,000 ms (RocksDB) by earlier versions: one kept a timer
   * per txn_id instead of a time-to-live, one wrote the state with Flink's POJO serializer.
   */
  @ParameterizedTest
  @ValueSource(strings = {"txn-merger-before-ttl.snapshot", "txn-merger-pojo-state.snapshot"})
  void aCheckpointOfAnEarlierVersionRestores(String snapshot) throws Exception {
    // Given a checkpoint of a sale, taken by an earlier version
    harness.close();
    harness = newHarness();
    harness.setStateBackend(new EmbeddedRocksDBStateBackend());
    harness.initializeState(OperatorSnapshotUtil.readStateHandle(
        Path.of(getClass().getResource(snapshot).toURI()).toString()));
    harness.open();
    at(2_000);

    // When the same sale arrives again, then its refund
    process(pos(SALE, posLine(1, 101, 2, "12.50", "1.00", "food")));
    process(pos(SALE.withStatus("refunded"), posLine(1, 101, 2, "12.50", "1.00", "food")));

    // Then the copy is recognised and the refund is version 2, taking the sale back
    assertThat(harness.extractOutputValues()).extracting(txn -> txn.header().status()).containsExactly("refunded");
    assertThat(harness.getSideOutput(TxnMerger.CHANGES)).extracting(r -> r.getValue().number()).containsExactly(2);
    assertThat(cell(deltas(), SalesGrain.DAILY_STORE).revenue()).isEqualByComparingTo("-24.00");
    // And a retention timer the old version kept fires without harm
    at(1_000 + RETENTION.toMillis());
    assertThat(harness.numProcessingTimeTimers()).isZero();
    assertThat(harness.extractOutputValues()).hasSize(1);
  }

  private void process(TxnChange change) throws Exception {
    harness.processElement(new StreamRecord<>(change));
  }

  private List<SalesCell> deltas() {
    Queue<StreamRecord<SalesCell>> deltas = harness.getSideOutput(TxnMerger.SALES_DELTAS);
    return deltas == null ? List.of() : deltas.stream().map(StreamRecord::getValue).toList();
  }

  private static SalesCell cell(List<SalesCell> cells, SalesGrain grain) {
    return cells.stream().filter(c -> c.grain() == grain).findFirst().orElseThrow();
  }

  private static TxnChange pos(TxnHeader header, TxnLine... lines) {
    return new TxnChange(ChangeKind.POS_TRANSACTION, header.txnId(), header, List.of(lines), 0, POS_ORIGIN);
  }

  private static TxnLine posLine(int lineNo, long productId, int quantity, String price, String discount,
      String category) {
    return new TxnLine(lineNo, productId, quantity, new BigDecimal(price), new BigDecimal(discount), category, "t1",
        "t1", InputSource.POS, 0, POS_ORIGIN);
  }

  private static TxnChange cdcHeader(TxnHeader header, long lsn) {
    return new TxnChange(ChangeKind.CDC_HEADER, header.txnId(), header, List.of(), lsn, cdcOrigin());
  }

  private static TxnChange cdcLine(String txnId, int lineNo, long productId, int quantity, String price, long lsn) {
    String category = productId == 101 ? "food" : "drinks";
    TxnLine line = new TxnLine(lineNo, productId, quantity, new BigDecimal(price), BigDecimal.ZERO, category, "t1",
        null, InputSource.CDC, lsn, cdcOrigin());
    return new TxnChange(ChangeKind.CDC_LINE, txnId, null, List.of(line), lsn, cdcOrigin());
  }

  private static RecordOrigin cdcOrigin() {
    return new RecordOrigin(Topics.CDC_TRANSACTION_ITEMS.name(), 0, 9, "k");
  }
}
