package io.suqi.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectWorkerConfigTest {

  @Test
  void defaultsToConnectsUsualRestAddressOnLoopback() {
    ConnectWorkerConfig config = new ConnectWorkerConfig("127.0.0.1:9092");

    assertThat(config.restUrl()).isEqualTo("http://127.0.0.1:8083/");
    assertThat(config.groupId()).isEqualTo("suqi-connect");
  }

  @Test
  void runsADistributedWorkerWithItsStateInSuqiConnectTopicsAndPlainJson() {
    Map<String, String> props = new ConnectWorkerConfig("k:1", "127.0.0.1", 18083).workerProperties();

    assertThat(props).containsEntry("bootstrap.servers", "k:1").containsEntry("group.id", "suqi-connect")
        .containsEntry("listeners", "http://127.0.0.1:18083")
        .containsEntry("plugin.discovery", "service_load")
        .containsEntry("value.converter", "org.apache.kafka.connect.json.JsonConverter")
        .containsEntry("value.converter.schemas.enable", "false")
        .containsEntry("key.converter.schemas.enable", "false")
        .containsEntry("config.storage.replication.factor", "1");
    assertThat(props.get("config.storage.topic")).startsWith(ConnectWorkerConfig.INTERNAL_TOPIC_PREFIX);
    assertThat(props.get("offset.storage.topic")).startsWith(ConnectWorkerConfig.INTERNAL_TOPIC_PREFIX);
    assertThat(props.get("status.storage.topic")).startsWith(ConnectWorkerConfig.INTERNAL_TOPIC_PREFIX);
  }

  @Test
  void rejectsWhatCannotWorkWithClearMessages() {
    assertThatThrownBy(() -> new ConnectWorkerConfig(" ")).hasMessageContaining("bootstrapServers");
    assertThatThrownBy(() -> new ConnectWorkerConfig("k:1", "", 8083)).hasMessageContaining("restHost");
    assertThatThrownBy(() -> new ConnectWorkerConfig("k:1", "127.0.0.1", 0)).hasMessageContaining("restPort");
    assertThatThrownBy(() -> new ConnectWorkerConfig("k:1", "127.0.0.1", 70_000)).hasMessageContaining("restPort");
    assertThatThrownBy(() -> new ConnectWorkerConfig("k:1").withStartTimeout(Duration.ZERO))
        .hasMessageContaining("startTimeout");
    assertThatThrownBy(() -> new ConnectWorkerConfig("k:1").withOffsetFlushInterval(null))
        .hasMessageContaining("offsetFlushInterval");
  }
}
