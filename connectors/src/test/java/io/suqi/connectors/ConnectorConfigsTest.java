package io.suqi.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        .containsKey("heartbeat.interval.ms");
    assertThat(Arrays.asList(config.get("table.include.list").split(","))).containsExactlyInAnyOrder(
        "retail.tenants", "retail.stores", "retail.products", "retail.customers", "retail.transactions",
        "retail.transaction_items", "retail.competitor_prices", "kb.documents");
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
