package io.suqi.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.suqi.connectors.ChangeEvents.Event;
import io.suqi.schemas.Topics;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The worker's life cycle on a real broker: idempotent start and stop, clear failures, resuming
 * from Kafka. The tests that run the connector get a broker of their own, as Connect keeps a
 * connector's offsets after the connector is deleted.
 */
class ConnectWorkerIT {

  private static KafkaBroker broker;

  @BeforeAll
  static void start() throws Exception {
    broker = KafkaBroker.start();
  }

  @AfterAll
  static void stop() throws Exception {
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void startAndStopAreIdempotentAndStopFreesThePort() throws Exception {
    ConnectWorkerConfig config = CdcStack.workerConfig(broker);
    ConnectWorker worker = new ConnectWorker(config);

    worker.start();
    worker.start();
    assertThat(worker.running()).isTrue();
    worker.stop();
    worker.stop();

    assertThat(worker.running()).isFalse();
    try (ServerSocket again = new ServerSocket(config.restPort(), 50, InetAddress.getByName(config.restHost()))) {
      assertThat(again.getLocalPort()).isEqualTo(config.restPort());
    }
  }

  @Test
  void aTakenRestPortIsAClearErrorNotAnExit() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      ConnectWorker worker = new ConnectWorker(new ConnectWorkerConfig(broker.bootstrapServers(), "127.0.0.1",
          taken.getLocalPort()));

      assertThatThrownBy(worker::start).isInstanceOf(ConnectWorkerException.class)
          .hasMessageContaining("did not start").hasMessageContaining(Integer.toString(taken.getLocalPort()));
      assertThat(worker.running()).isFalse();
    }
  }

  /** The herder thread calls Exit.exit(1) on this error: the guard turns it into an exception. */
  @Test
  void aHerderThatDiesWhileStartingIsAClearErrorNotAnExit() throws Exception {
    try (KafkaBroker misconfigured = KafkaBroker.start()) {
      // Connect refuses a config topic that is not compacted (or has more than one partition).
      misconfigured.createTopic(ConnectWorkerConfig.CONFIG_TOPIC, 2);
      ConnectWorker worker = new ConnectWorker(CdcStack.workerConfig(misconfigured));

      assertThatThrownBy(worker::start).isInstanceOf(ConnectWorkerException.class)
          .hasMessageContaining("stopped while starting")
          .hasMessageContaining("refused because it runs inside the Suqi process");
      assertThat(worker.running()).isFalse();
    }
  }

  /**
   * Connector configs and source offsets live in Kafka: a new worker of the same group runs the
   * connector without registering it again and goes on from where the last one stopped.
   */
  @Test
  void aRestartedWorkerResumesTheConnectorFromKafka() throws Exception {
    String slot = CdcStack.uniqueSlot();
    try (KafkaBroker ownBroker = KafkaBroker.start(); RetailDatabase db = RetailDatabase.start();
        ChangeEvents stores = new ChangeEvents(ownBroker.bootstrapServers(), Topics.CDC_STORES)) {
      ConnectWorkerConfig config = CdcStack.workerConfig(ownBroker);
      // The slot must survive the stop for the connector to resume: drop it at the end instead.
      RetailCdc cdc = new RetailCdc(db.source()).withSlot(slot, slot);
      try (ConnectWorker first = new ConnectWorker(config)) {
        first.start();
        cdc.registerOn(first);
        first.awaitRunning(RetailCdc.NAME, CdcStack.FIRST_RECORD);
        db.inOneTransaction("INSERT INTO retail.tenants VALUES ('t-restart', 'Restart Inc')",
            "INSERT INTO retail.stores VALUES (401, 't-restart', 'Before', 'East', 'Turku', '2022-01-01')");
        stores.await(e -> storeIds(e).contains(401L), CdcStack.FIRST_RECORD);
      }
      db.inOneTransaction("INSERT INTO retail.stores VALUES (402, 't-restart', 'While down', 'East', 'Turku', '2022-01-01')");

      try (ConnectWorker second = new ConnectWorker(config)) {
        second.start();
        assertThat(second.connectors()).contains(RetailCdc.NAME);
        second.awaitRunning(RetailCdc.NAME, CdcStack.FIRST_RECORD);
        db.inOneTransaction("INSERT INTO retail.stores VALUES (403, 't-restart', 'After', 'East', 'Turku', '2022-01-01')");

        List<Event> events = stores.await(e -> storeIds(e).contains(403L), CdcStack.FIRST_RECORD);

        // Each exactly once (the stores spread over partitions, so in no particular order).
        assertThat(storeIds(events)).containsExactlyInAnyOrder(401L, 402L, 403L);
        assertThat(events).extracting(Event::op).containsOnly("c");
      } finally {
        db.dropSlot(slot);
      }
    }
  }

  /**
   * While the worker is down (or after a crash, before its last offsets reached Kafka) the slot
   * can be ahead of the stored offset: the driver acknowledges idle WAL on its own
   * (lsn.flush.mode=connector_and_driver). The connector must go on from the slot, not fail
   * (offset.mismatch.strategy=trust_slot; the default fails the task).
   */
  @Test
  void aSlotAheadOfTheStoredOffsetIsFollowed() throws Exception {
    String slot = CdcStack.uniqueSlot();
    try (KafkaBroker ownBroker = KafkaBroker.start(); RetailDatabase db = RetailDatabase.start();
        ChangeEvents tenants = new ChangeEvents(ownBroker.bootstrapServers(), Topics.CDC_TENANTS)) {
      ConnectWorkerConfig config = CdcStack.workerConfig(ownBroker);
      RetailCdc cdc = new RetailCdc(db.source()).withSlot(slot, slot);
      try (ConnectWorker first = new ConnectWorker(config)) {
        first.start();
        cdc.registerOn(first);
        first.awaitRunning(RetailCdc.NAME, CdcStack.FIRST_RECORD);
        db.inOneTransaction("INSERT INTO retail.tenants VALUES ('t-ahead-1', 'One')");
        tenants.await(e -> tenantIds(e).contains("t-ahead-1"), CdcStack.FIRST_RECORD);
      }
      // The database moves on while the worker is down, and the slot with it (as the driver does
      // on idle WAL); a checkpoint lets the slot's restart_lsn follow, past the stored offset.
      db.inOneTransaction("CREATE TABLE public.busy (id serial PRIMARY KEY)",
          "INSERT INTO public.busy SELECT FROM generate_series(1, 1000)");
      db.inOneTransaction("CHECKPOINT");
      db.inOneTransaction("SELECT pg_replication_slot_advance('" + slot + "', pg_current_wal_insert_lsn())");
      db.inOneTransaction("INSERT INTO retail.tenants VALUES ('t-ahead-2', 'Two')");

      try (ConnectWorker second = new ConnectWorker(config)) {
        second.start();
        second.awaitRunning(RetailCdc.NAME, CdcStack.FIRST_RECORD);

        assertThat(tenantIds(tenants.await(e -> tenantIds(e).contains("t-ahead-2"), CdcStack.FIRST_RECORD)))
            .containsOnlyOnce("t-ahead-1", "t-ahead-2");
      } finally {
        db.dropSlot(slot);
      }
    }
  }

  private static List<String> tenantIds(List<Event> events) {
    return events.stream().filter(e -> e.key() != null).map(e -> e.key().path("tenant_id").asText()).toList();
  }

  private static List<Long> storeIds(List<Event> events) {
    return events.stream().filter(e -> e.key() != null).map(e -> e.key().path("store_id").asLong()).toList();
  }
}
