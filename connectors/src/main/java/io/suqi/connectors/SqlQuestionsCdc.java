package io.suqi.connectors;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The sql-questions connector (config/sql-questions.json) pointed at one database: Debezium's
 * PostgreSQL source over suqi.outbox, whose {@link io.suqi.connectors.outbox.OutboxToQuestion}
 * transformation turns each new row into an Avro Question on suqi.queries.
 *
 * <p>A connector of its own, rather than one more table of retail-cdc, because it writes other
 * bytes (Avro, ByteArrayConverter) than retail-cdc's JSON change events, and converters are per
 * connector. Its own slot and publication ({@code suqi_sql_questions}) also let it restart or
 * lag without holding back the lakehouse's CDC. Heartbeats and the slot settings are
 * retail-cdc's, for the same reasons (see {@link RetailCdc}).
 */
public record SqlQuestionsCdc(CdcSource source, Map<String, String> overrides) {

  public static final String NAME = ConnectorConfigs.SQL_QUESTIONS;

  public SqlQuestionsCdc {
    Objects.requireNonNull(source, "source");
    overrides = Map.copyOf(overrides);
  }

  public SqlQuestionsCdc(CdcSource source) {
    this(source, Map.of());
  }

  /** Replaces one connector setting, e.g. slot.drop.on.stop in tests. */
  public SqlQuestionsCdc with(String key, String value) {
    Map<String, String> more = new LinkedHashMap<>(overrides);
    more.put(key, value);
    return new SqlQuestionsCdc(source, more);
  }

  /** The connector configuration, as PUT /connectors/sql-questions/config takes it. */
  public Map<String, String> config() {
    Map<String, String> all = new LinkedHashMap<>(source.connectorProperties());
    all.putAll(overrides);
    return ConnectorConfigs.load(NAME, all);
  }

  /**
   * Creates or updates the connector on {@code worker}; unchanged, it is left running as it is.
   *
   * @return true if the connector was created or its configuration changed
   */
  public boolean registerOn(ConnectWorker worker) {
    return worker.putConnector(NAME, config());
  }
}
