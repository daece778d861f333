package io.suqi.lakehouse.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.suqi.lakehouse.LakehouseDatabase;
import io.suqi.lakehouse.PostgresConnection;
import io.suqi.lakehouse.bronze.InputSource;
import io.suqi.lakehouse.bronze.RawEvent;
import io.suqi.lakehouse.bronze.RawEventsSink;
import io.suqi.lakehouse.silver.SilverChange;
import io.suqi.lakehouse.silver.SilverItemsTable;
import io.suqi.lakehouse.silver.SilverTransaction;
import io.suqi.lakehouse.silver.SilverTransactionsTable;
import io.suqi.lakehouse.silver.TxnHeader;
import io.suqi.lakehouse.silver.TxnLine;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The bulk writer on the real schema: what lands in the tables, when, and after a replay. */
class BulkWriterTest {

  private static final Instant AT = Instant.parse("2026-10-05T10:15:30.123Z");
  /** As the job writes silver: a version's header and lines in one transaction. */
  private static final List<BulkTable<SilverChange>> SILVER =
      List.of(new SilverTransactionsTable(), new SilverItemsTable());
  @RegisterExtension
  static final LakehouseDatabase database = LakehouseDatabase.perTestClass();
  private final Map<String, SilverTransaction> lastVersions = new HashMap<>();

  @BeforeEach
  void empty() throws Exception {
    database.execute("TRUNCATE bronze.raw_events, silver.transactions, silver.transaction_items");
  }

  @Test
  void bronzeHoldsEachRecordOnceAndExactlyAsReceived() throws Exception {
    // Given records whose text needs escaping in COPY's format, and a tombstone
    String awkward = "{\"note\":\"tab\there, newline\nthere, back\\\\slash, \\\\N, crlf\r\n, ünïcødé ✓\"}";
    RawEvent first = raw(0, "k1", awkward);
    RawEvent withNul = raw(1, "k\u00002", "nul\u0000inside");
    RawEvent tombstone = raw(2, "k3", null);

    // When the batch is written, then replayed
    BulkWrites.writeTwice(bronze(), List.of(first, withNul, tombstone));

    // Then each record is there once, as received (NUL, which Postgres text cannot hold, replaced)
    assertThat(database.rows("SELECT kafka_offset, source, key, value IS NULL FROM bronze.raw_events ORDER BY 1"))
        .containsExactly("0|pos|k1|f", "1|pos|k\uFFFD2|f", "2|pos|k3|t");
    assertThat(database.rows("SELECT value FROM bronze.raw_events WHERE kafka_offset = 0").get(0)).isEqualTo(awkward);
    assertThat(database.rows("SELECT value FROM bronze.raw_events WHERE kafka_offset = 1")).containsExactly("nul\uFFFDinside");
    assertThat(database.rows("SELECT ingested_at = '2026-10-05T10:15:30.123Z' FROM bronze.raw_events")).containsOnly("t");
  }

  @Test
  void aReplayAfterARestartAddsOnlyWhatBronzeDoesNotHave() throws Exception {
    // Given records 0-2 of partition 0 and 0 of partition 1 in bronze
    RawEvent other = new RawEvent(InputSource.CDC, "cdc.retail.transactions", 1, 0, "k", "{\"cdc\":1}", AT);
    try (BulkWriter<RawEvent> writer = bronze()) {
      for (int offset = 0; offset < 3; offset++) {
        writer.write(raw(offset, "k" + offset, "{}"), null);
      }
      writer.write(other, null);
      writer.flush(false);
    }

    // When a new writer (the job restarted from a checkpoint taken before) gets records 1-4 of
    // partition 0 and 0-1 of partition 1
    try (BulkWriter<RawEvent> writer = bronze()) {
      for (int offset = 1; offset < 5; offset++) {
        writer.write(raw(offset, "k" + offset, "{}"), null);
      }
      writer.write(other, null);
      writer.write(new RawEvent(InputSource.CDC, "cdc.retail.transactions", 1, 1, "k", "{\"cdc\":2}", AT), null);
      writer.flush(false);
    }

    // Then bronze holds each record once
    assertThat(database.rows("SELECT topic, kafka_partition, kafka_offset, key FROM bronze.raw_events ORDER BY 1, 2, 3"))
        .containsExactly("cdc.retail.transactions|1|0|k", "cdc.retail.transactions|1|1|k",
            "retail.pos.transactions|0|0|k0", "retail.pos.transactions|0|1|k1", "retail.pos.transactions|0|2|k2",
            "retail.pos.transactions|0|3|k3", "retail.pos.transactions|0|4|k4");
  }

  @Test
  void timestampsArriveAsTheSameInstants() throws Exception {
    // Given instants with and without fractions, at the edges of days and of four-digit years
    List<Instant> instants = List.of(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("1999-12-31T23:59:59.999999Z"),
        Instant.parse("2024-02-29T12:00:00.5Z"), Instant.parse("1000-01-01T00:00:00Z"), Instant.parse("0999-12-31T23:59:59Z"),
        Instant.parse("9999-12-31T23:59:59.000001Z"), Instant.EPOCH);
    List<RawEvent> events = new ArrayList<>();
    for (int i = 0; i < instants.size(); i++) {
      events.add(new RawEvent(InputSource.POS, "retail.pos.transactions", 0, i, "k", "{}", instants.get(i)));
    }

    // When written
    BulkWrites.writeTwice(bronze(), events);

    // Then Postgres holds each instant exactly (to its microseconds)
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < instants.size(); i++) {
      Instant at = instants.get(i);
      expected.add(i + "|" + (at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000));
    }
    assertThat(database.rows("SELECT kafka_offset, (extract(epoch FROM ingested_at) * 1000000)::bigint "
        + "FROM bronze.raw_events ORDER BY 1")).containsExactlyElementsOf(expected);
  }

  @Test
  void silverKeepsTheLatestVersionOfEachTransactionWithExactlyItsLines() throws Exception {
    // Given a sale with two lines, and another sale
    SilverTransaction sale = txn("a", "completed", line(1, "2.50"), line(2, "1.00"));
    SilverTransaction other = txn("b", "completed", line(1, "9.99"));
    writeTwice(List.of(sale, other));

    // When a later batch refunds the first with one line left, and deletes the other (after an
    // update in the same batch, which the delete supersedes)
    SilverTransaction refunded = txn("a", "refunded", line(1, "2.50"));
    writeTwice(List.of(refunded, txn("b", "void", line(1, "9.99")), SilverTransaction.deleted("b", AT)));

    // Then silver holds the refund with its one line, and nothing of the deleted sale
    assertThat(database.rows("SELECT txn_id, status, store_id, customer_id, region, source FROM silver.transactions"))
        .containsExactly("a|refunded|7|42|north|pos");
    assertThat(database.rows("SELECT txn_id, line_no, product_id, quantity, unit_price, discount, category, revenue "
        + "FROM silver.transaction_items ORDER BY 1, 2")).containsExactly("a|1|101|2|2.50|0.10|food|4.90");
  }

  @Test
  void tablesWrittenTogetherCommitTogether() throws Exception {
    // Given silver.transactions written together with a table whose merge fails
    BulkTable<SilverChange> broken = new BulkTable<>() {
      @Override
      public String name() {
        return "broken";
      }

      @Override
      public String stagingColumns() {
        return "txn_id text";
      }

      @Override
      public Object key(SilverChange change) {
        return change.txnId();
      }

      @Override
      public void write(SilverChange change, CopyRows rows) {
        rows.text(change.txnId()).end();
      }

      @Override
      public List<String> merge() {
        return List.of("INSERT INTO silver.no_such_table SELECT txn_id FROM {stage}");
      }
    };
    SilverChange sale = new SilverChange(null, txn("a", "completed", line(1, "2.50")), 1);

    // When a batch is written, then it fails, and silver.transactions did not take its part either
    assertThatThrownBy(() -> BulkWrites.writeTwice(connection(), List.of(new SilverTransactionsTable(), broken),
        List.of(sale))).isInstanceOf(IOException.class).hasMessageContaining("silver_transactions and broken");
    assertThat(database.count("SELECT count(*) FROM silver.transactions")).isZero();
  }

  @Test
  void firstVersionsReplayedAfterARestoreAreMergedNotDuplicated() throws Exception {
    // Given a first version written (appended, it is new)
    SilverTransaction sale = txn("a", "completed", line(1, "2.50"));
    BulkWrites.writeTwice(connection(), new SilverTransactionsTable(), List.of(new SilverChange(null, sale, 1)));

    // When a replay sends it again as a first version, in a batch with a transaction not seen before
    SilverTransaction later = txn("c", "completed", line(1, "4.00"), line(2, "1.00"));
    List<SilverChange> replay = List.of(new SilverChange(null, sale, 1), new SilverChange(null, later, 1));
    BulkWrites.writeTwice(connection(), SILVER, replay);

    // Then each transaction and line is there once
    assertThat(database.rows("SELECT txn_id, status FROM silver.transactions ORDER BY 1"))
        .containsExactly("a|completed", "c|completed");
    assertThat(database.rows("SELECT txn_id, line_no FROM silver.transaction_items ORDER BY 1, 2"))
        .containsExactly("a|1", "c|1", "c|2");
  }

  @Test
  void aBatchIsWrittenWhenFullOrWhenItsIntervalHasPassed() throws Exception {
    ManualTime time = new ManualTime();
    try (BulkWriter<RawEvent> writer = RawEventsSink.writer(connection(),
        new BulkSettings(3, Duration.ofMillis(200), 0), time)) {
      // When two records are written
      writer.write(raw(0, "k", "{}"), null);
      writer.write(raw(1, "k", "{}"), null);
      // Then they wait for the interval
      assertThat(database.count("SELECT count(*) FROM bronze.raw_events")).isZero();
      time.advance(200);
      assertThat(database.count("SELECT count(*) FROM bronze.raw_events")).isEqualTo(2);

      // When three more arrive, the batch is full and written at once
      for (int offset = 2; offset < 5; offset++) {
        writer.write(raw(offset, "k", "{}"), null);
      }
      assertThat(database.count("SELECT count(*) FROM bronze.raw_events")).isEqualTo(5);

      // And a checkpoint writes whatever is left
      writer.write(raw(5, "k", "{}"), null);
      writer.flush(false);
      assertThat(database.count("SELECT count(*) FROM bronze.raw_events")).isEqualTo(6);
    }
  }

  @Test
  void anUnreachableDatabaseFailsTheWriteWithWhatToDo() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    PostgresConnection nowhere = new PostgresConnection("jdbc:postgresql://127.0.0.1:" + closedPort + "/suqi", "postgres", null);
    try (BulkWriter<RawEvent> writer = RawEventsSink.writer(nowhere,
        new BulkSettings(10, Duration.ofMillis(200), 0), new ManualTime())) {
      writer.write(raw(0, "k", "{}"), null);
      assertThatThrownBy(() -> writer.flush(false)).isInstanceOf(IOException.class)
          .hasMessageContaining("could not write 1 elements to bronze.raw_events after 1 attempts")
          .hasMessageContaining("is Postgres up?");
    }
  }

  private BulkWriter<RawEvent> bronze() {
    return RawEventsSink.writer(connection(), BulkWrites.SETTINGS, new ManualTime());
  }

  /** Versions in order, each after the one before of its transaction, as silver hands them on. */
  private void writeTwice(List<SilverTransaction> batch) throws Exception {
    List<SilverChange> changes = new ArrayList<>();
    for (SilverTransaction version : batch) {
      SilverTransaction previous = lastVersions.put(version.txnId(), version);
      changes.add(new SilverChange(previous, version, previous == null ? 1 : 2));
    }
    BulkWrites.writeTwice(connection(), SILVER, changes);
  }

  private static RawEvent raw(long offset, String key, String value) {
    return new RawEvent(InputSource.POS, "retail.pos.transactions", 0, offset, key, value, AT);
  }

  private static SilverTransaction txn(String id, String status, TxnLine... lines) {
    TxnHeader header = new TxnHeader(id, "t1", 7, 42L, AT, status, "card", "north");
    return new SilverTransaction(id, header, List.of(lines), InputSource.POS, AT);
  }

  private static TxnLine line(int lineNo, String price) {
    return new TxnLine(lineNo, 101, 2, new BigDecimal(price), new BigDecimal("0.10"), "food", "t1", "t1",
        InputSource.POS, 0, null);
  }

  private static PostgresConnection connection() {
    return new PostgresConnection(database.jdbcUrl(), database.user(), null);
  }
}
