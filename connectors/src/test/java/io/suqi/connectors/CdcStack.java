package io.suqi.connectors;

import io.suqi.schemas.Topic;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * What a CDC integration test runs on: a real broker, a real PostgreSQL with Suqi's schema, the
 * in-process Connect worker and the retail-cdc connector on its own replication slot.
 */
final class CdcStack implements AutoCloseable {

  /** Connect and Debezium on two cores: a generous wait for the first record. */
  static final Duration FIRST_RECORD = Duration.ofSeconds(60);

  final KafkaBroker broker;
  final RetailDatabase db;
  final ConnectWorker worker;
  final RetailCdc cdc;
  final String slot;
  final long workerStartMillis;
  final long connectorRunningMillis;

  private CdcStack(KafkaBroker broker, RetailDatabase db, ConnectWorker worker, RetailCdc cdc, String slot,
      long workerStartMillis, long connectorRunningMillis) {
    this.broker = broker;
    this.db = db;
    this.worker = worker;
    this.cdc = cdc;
    this.slot = slot;
    this.workerStartMillis = workerStartMillis;
    this.connectorRunningMillis = connectorRunningMillis;
  }

  /** Starts everything and registers the connector; {@code tune} adjusts its test settings. */
  static CdcStack start(Duration offsetFlush, UnaryOperator<RetailCdc> tune) throws Exception {
    KafkaBroker broker = KafkaBroker.start();
    RetailDatabase db = RetailDatabase.start();
    ConnectWorker worker = new ConnectWorker(workerConfig(broker).withOffsetFlushInterval(offsetFlush));
    long started = System.nanoTime();
    worker.start();
    long startMillis = (System.nanoTime() - started) / 1_000_000;
    String slot = uniqueSlot();
    RetailCdc cdc = tune.apply(new RetailCdc(db.source()).withSlot(slot, slot).with("slot.drop.on.stop", "true"));
    started = System.nanoTime();
    cdc.registerOn(worker);
    worker.awaitRunning(RetailCdc.NAME, FIRST_RECORD);
    long runningMillis = (System.nanoTime() - started) / 1_000_000;
    return new CdcStack(broker, db, worker, cdc, slot, startMillis, runningMillis);
  }

  static ConnectWorkerConfig workerConfig(KafkaBroker broker) throws IOException {
    return new ConnectWorkerConfig(broker.bootstrapServers(), "127.0.0.1", freePort());
  }

  static String uniqueSlot() {
    return "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  ChangeEvents events(Topic<?, ?> topic) {
    return new ChangeEvents(broker.bootstrapServers(), topic);
  }

  @Override
  public void close() throws Exception {
    try (broker; db) {
      worker.stop();
      // Tests that restart the connector keep the slot over restarts; drop it in any case.
      db.dropSlot(slot);
    }
  }
}
