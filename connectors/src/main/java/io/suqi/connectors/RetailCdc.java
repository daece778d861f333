package io.suqi.connectors;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The retail-cdc connector (Debezium's PostgreSQL source, config/retail-cdc.json) pointed at one
 * database: the file's settings with the connection, and optionally the replication slot,
 * publication and any other setting, replaced.
 *
 * <pre>{@code
 * RetailCdc cdc = new RetailCdc(CdcSource.fromJdbcUrl(jdbcUrl));
 * cdc.registerOn(worker);
 * worker.awaitRunning(RetailCdc.NAME, Duration.ofSeconds(60));
 * }</pre>
 *
 * <p>Why the file says what it says (JSON has no comments):
 * <ul>
 *   <li>{@code publication.autocreate.mode=filtered}: the publication covers only the captured
 *       tables, so PostgreSQL does not decode and send every other table's changes.
 *   <li>{@code slot.stream.params=origin=none} (pgoutput, PostgreSQL 16+): changes written under
 *       a replication origin are skipped while the WAL is read, before they are decoded. The
 *       lakehouse marks its own writers so (its rows are derived, never captured), which spares
 *       the walsender most of the work for them. Remove it if a logical-replication subscription
 *       fills captured tables: the changes it applies carry an origin too.
 *   <li>{@code heartbeat.interval.ms} with {@code lsn.flush.mode=connector_and_driver}: with the
 *       captured tables idle, PostgreSQL 15+ sends no transactions at all for them, so the
 *       connector alone never acknowledges newer WAL and the slot pins it forever (measured: no
 *       progress in 60 s with heartbeats alone). The driver acknowledges the server's keepalive
 *       positions when nothing is pending, and heartbeats carry them into the Kafka offsets.
 *   <li>{@code offset.mismatch.strategy=trust_slot}: so the slot may be ahead of the offsets
 *       stored in Kafka (after a crash, before the last heartbeat's offsets were committed). The
 *       slot only moves past what was delivered or not captured, so the connector goes on from
 *       it; Debezium's default would fail the task ("no longer available on the server").
 *   <li>{@code topic.creation.*}: the broker does not create topics; the worker creates the
 *       heartbeat topic (1 partition, 1 day) and any cdc.* topic the runtime did not.
 *   <li>{@code decimal.handling.mode=string}: exact amounts ("9.99") in plain JSON.
 * </ul>
 */
public record RetailCdc(CdcSource source, Map<String, String> overrides) {

  public static final String NAME = ConnectorConfigs.RETAIL_CDC;

  // PostgreSQL's rule for replication slot names; publication names follow the same one here.
  private static final Pattern SLOT_NAME = Pattern.compile("[a-z0-9_]{1,63}");

  public RetailCdc {
    Objects.requireNonNull(source, "source");
    overrides = Map.copyOf(overrides);
  }

  /** The file's slot and publication (suqi_cdc), reading {@code source}. */
  public RetailCdc(CdcSource source) {
    this(source, Map.of());
  }

  /** Uses another replication slot and publication (one pair per connector reading a database). */
  public RetailCdc withSlot(String slotName, String publicationName) {
    for (String name : new String[] {slotName, publicationName}) {
      if (name == null || !SLOT_NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("slot and publication names must be 1-63 of [a-z0-9_], got " + name);
      }
    }
    return with("slot.name", slotName).with("publication.name", publicationName);
  }

  /** Replaces one connector setting, e.g. heartbeat.interval.ms, or slot.drop.on.stop in tests. */
  public RetailCdc with(String key, String value) {
    Map<String, String> more = new LinkedHashMap<>(overrides);
    more.put(key, value);
    return new RetailCdc(source, more);
  }

  /** The connector configuration, as PUT /connectors/retail-cdc/config takes it. */
  public Map<String, String> config() {
    Map<String, String> all = new LinkedHashMap<>(source.connectorProperties());
    all.putAll(overrides);
    return ConnectorConfigs.load(NAME, all);
  }

  /**
   * The topic Debezium's heartbeats go to ({@code topic.heartbeat.prefix}.{@code topic.prefix}).
   * The worker creates it (1 partition, 1 day retention) through the connector's topic.creation
   * settings, as the broker does not auto-create topics.
   */
  public String heartbeatTopic() {
    Map<String, String> config = config();
    return config.get("topic.heartbeat.prefix") + "." + config.get("topic.prefix");
  }

  /**
   * Creates or updates the connector on {@code worker}; unchanged, it is left running as it is.
   *
   * @return true if the connector was created or its configuration changed
   */
  public boolean registerOn(ConnectWorker worker) {
    return worker.putConnector(NAME, config());
  }

  @Override
  public String toString() {
    return "RetailCdc[" + source + ", overrides " + overrides.keySet() + "]";
  }
}
