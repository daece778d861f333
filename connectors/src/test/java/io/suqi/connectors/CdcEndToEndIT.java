package io.suqi.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import io.suqi.connectors.ChangeEvents.Event;
import io.suqi.schemas.Topics;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Row changes in the operational database arrive on the cdc.* topics as Debezium change events
 * (plain JSON: before, after, source, op), through the in-process worker.
 *
 * <p>The tables keep PostgreSQL's default replica identity (the primary key): an update's
 * {@code before} is null and a delete's {@code before} carries the key columns only (the others
 * hold empty values). Consumers upsert from {@code after} and delete by the record key, which
 * needs nothing more, and the WAL stays small.
 */
class CdcEndToEndIT {

  private static CdcStack stack;

  @BeforeAll
  static void start() throws Exception {
    stack = CdcStack.start(Duration.ofSeconds(5), UnaryOperator.identity());
    System.out.println("[measured] Connect worker start: " + stack.workerStartMillis + " ms; connector registered "
        + "and its task RUNNING: " + stack.connectorRunningMillis + " ms");
  }

  @AfterAll
  static void stop() throws Exception {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void aStoreIsCreatedUpdatedAndDeletedThenTombstoned() throws Exception {
    try (ChangeEvents stores = stack.events(Topics.CDC_STORES)) {
      long committed = System.nanoTime();
      stack.db.inOneTransaction("INSERT INTO retail.tenants VALUES ('t-stores', 'Stores Inc')",
          "INSERT INTO retail.stores VALUES (101, 't-stores', 'Downtown', 'North', 'Oslo', '2024-03-01')");
      stores.await(events -> !ofStore(events, 101).isEmpty(), CdcStack.FIRST_RECORD);
      System.out.println("[measured] first change event " + (System.nanoTime() - committed) / 1_000_000
          + " ms after the commit");
      stack.db.inOneTransaction("UPDATE retail.stores SET name = 'Downtown Flagship' WHERE store_id = 101");
      stack.db.inOneTransaction("DELETE FROM retail.stores WHERE store_id = 101");

      List<Event> events = ofStore(stores.await(e -> ofStore(e, 101).size() >= 4, CdcStack.FIRST_RECORD), 101);

      assertThat(events).extracting(Event::op).containsExactly("c", "u", "d", null);
      Event created = events.get(0);
      assertThat(created.value().path("before").isNull()).isTrue();
      assertThat(created.value().path("after").path("name").asText()).isEqualTo("Downtown");
      assertThat(created.value().path("after").path("tenant_id").asText()).isEqualTo("t-stores");
      assertThat(created.value().path("source").path("table").asText()).isEqualTo("stores");

      Event updated = events.get(1);
      assertThat(updated.value().path("after").path("name").asText()).isEqualTo("Downtown Flagship");
      // Default replica identity: PostgreSQL logs no old row for an update.
      assertThat(updated.value().path("before").isNull()).isTrue();

      Event deleted = events.get(2);
      assertThat(deleted.value().path("after").isNull()).isTrue();
      // ... and only the key of a deleted row: Debezium fills the other columns of `before` with
      // their type's empty value, not the old one.
      assertThat(deleted.value().path("before").path("store_id").asLong()).isEqualTo(101);
      assertThat(deleted.value().path("before").path("name").asText()).isEmpty();

      Event tombstone = events.get(3);
      assertThat(tombstone.tombstone()).isTrue();
      assertThat(tombstone.key().path("store_id").asLong()).isEqualTo(101);
    }
  }

  @Test
  void aTransactionAndItsItemsCommittedTogetherReachBothTopics() throws Exception {
    stack.db.inOneTransaction("INSERT INTO retail.tenants VALUES ('t-sales', 'Sales Inc')",
        "INSERT INTO retail.stores VALUES (201, 't-sales', 'Harbour', 'West', 'Bergen', '2023-05-02')",
        "INSERT INTO retail.products VALUES (301, 't-sales', 'SKU-301', 'Coffee', 'Drinks', 'Bean', 9.99, 4.10)",
        "INSERT INTO retail.products VALUES (302, 't-sales', 'SKU-302', 'Bagel', 'Bakery', 'Oven', 2.50, 0.90)");

    stack.db.inOneTransaction(
        "INSERT INTO retail.transactions VALUES ('txn-1', 't-sales', 201, NULL, '2025-01-02T10:15:00Z', "
            + "'completed', 'card')",
        "INSERT INTO retail.transaction_items VALUES ('txn-1', 1, 301, 2, 9.99, 0)",
        "INSERT INTO retail.transaction_items VALUES ('txn-1', 2, 302, 1, 2.50, 0.25)");

    try (ChangeEvents transactions = stack.events(Topics.CDC_TRANSACTIONS);
        ChangeEvents items = stack.events(Topics.CDC_TRANSACTION_ITEMS)) {
      Event txn = transactions.await(e -> !ofTxn(e).isEmpty(), CdcStack.FIRST_RECORD).stream()
          .filter(e -> "txn-1".equals(e.key().path("txn_id").asText())).findFirst().orElseThrow();
      List<Event> lines = ofTxn(items.await(e -> ofTxn(e).size() >= 2, CdcStack.FIRST_RECORD));

      assertThat(txn.op()).isEqualTo("c");
      assertThat(txn.value().path("after").path("store_id").asLong()).isEqualTo(201);
      assertThat(txn.value().path("after").path("status").asText()).isEqualTo("completed");
      assertThat(lines).extracting(Event::op).containsOnly("c");
      assertThat(lines).extracting(e -> e.value().path("after").path("line_no").asInt()).containsExactlyInAnyOrder(1, 2);
      // decimal.handling.mode=string: exact amounts, no binary-encoded decimals.
      assertThat(lines).extracting(e -> e.value().path("after").path("unit_price").asText())
          .containsExactlyInAnyOrder("9.99", "2.50");
      // One database transaction: the same transaction id in every event's source block.
      long txId = txn.value().path("source").path("txId").asLong();
      assertThat(txId).isPositive();
      assertThat(lines).extracting(e -> e.value().path("source").path("txId").asLong()).containsOnly(txId);
    }
  }

  private static List<Event> ofStore(List<Event> events, long storeId) {
    return events.stream().filter(e -> e.key() != null && e.key().path("store_id").asLong() == storeId).toList();
  }

  private static List<Event> ofTxn(List<Event> events) {
    return events.stream().filter(e -> e.key() != null && "txn-1".equals(e.key().path("txn_id").asText())).toList();
  }
}
