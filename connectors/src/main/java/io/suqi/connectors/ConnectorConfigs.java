package io.suqi.connectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Kafka Connect connector configurations under connectors/config, as the REST API takes them
 * ({"name": ..., "config": {...}}). The same files are posted to a Connect cluster in
 * docker-compose and run by the in-process worker of the embedded runtime.
 */
public final class ConnectorConfigs {

  /** Debezium PostgreSQL source over retail.* and kb.documents, writing cdc.* topics. */
  public static final String RETAIL_CDC = "retail-cdc";
  /** Debezium PostgreSQL source over suqi.outbox, writing Avro Questions to suqi.queries (SQL mode). */
  public static final String SQL_QUESTIONS = "sql-questions";

  private static final ObjectMapper JSON = new ObjectMapper();

  private ConnectorConfigs() {}

  /** A connector's configuration, with {@code overrides} (host, port, slot name…) applied. */
  public static Map<String, String> load(String name, Map<String, String> overrides) {
    String resource = "connectors/" + name + ".json";
    try (InputStream in = ConnectorConfigs.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no connector configuration " + resource + " on the classpath");
      }
      JsonNode config = JSON.readTree(in).path("config");
      Map<String, String> values = new LinkedHashMap<>();
      config.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
      values.putAll(overrides);
      values.put("name", name);
      return values;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
