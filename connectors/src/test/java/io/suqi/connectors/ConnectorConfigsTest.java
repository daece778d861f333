package io.suqi.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.suqi.schemas.Topics;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectorConfigsTest {

  @Test
  void theRetailCdcConnectorCapturesEveryOperationalTableWithPgoutputAndHeartbeats() {
    Map<String, String> config = ConnectorConfigs.load(ConnectorConfigs.RETAIL_CDC, Map.of());

    assertThat(config).containsEntry("connector.class", "io.debezium.connector.postgresql.PostgresConnector")
        .containsEntry("plugin.name", "pgoutput")
        .containsEntry("publication.autocreate.mode", "filtered")
        .containsEntry("decimal.handling.mode", "string")
        .containsEntry("lsn.flush.mode", "connector_and_driver")
        .containsEntry("offset.mismatch.strategy", "trust_slot")
        .containsEntry("topic.prefix", Topics.CDC_PREFIX)
        .containsEntry("value.converter.schemas.enable", "false")
        .containsKey("heartbeat.interval.ms")
        // The broker does not create topics: the worker creates the heartbeat topic itself.
        .containsKey("topic.creation.default.replication.factor");
    assertThat(Arrays.asList(config.get("table.include.list").split(","))).containsExactlyInAnyOrder(
        "retail.tenants", "retail.stores", "retail.products", "retail.customers", "retail.transactions",
        "retail.transaction_items", "retail.competitor_prices", "kb.documents");
  }

  @Test
  void aRealClusterReadsThePasswordFromItsEnvironment() {
    assertThat(ConnectorConfigs.load(ConnectorConfigs.RETAIL_CDC, Map.of()))
        .containsEntry("database.password", "${env:POSTGRES_PASSWORD}");
  }

  @Test
  void overridesReplaceWhatTheFileSays() {
    Map<String, String> config = ConnectorConfigs.load(ConnectorConfigs.RETAIL_CDC,
        Map.of("database.hostname", "127.0.0.1", "slot.name", "test_slot"));

    assertThat(config).containsEntry("database.hostname", "127.0.0.1").containsEntry("slot.name", "test_slot");
  }

  @Test
  void anUnknownConnectorIsAClearError() {
    assertThatThrownBy(() -> ConnectorConfigs.load("nope", Map.of()))
        .hasMessageContaining("no connector configuration connectors/nope.json");
  }
}
