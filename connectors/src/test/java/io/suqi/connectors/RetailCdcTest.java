package io.suqi.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.suqi.schemas.Topics;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetailCdcTest {

  private static final CdcSource EMBEDDED = new CdcSource("127.0.0.1", 55432, "suqi", "postgres", null);

  @Test
  void pointsTheFilesConnectorAtTheDatabase() {
    Map<String, String> config = new RetailCdc(EMBEDDED).config();

    assertThat(config).containsEntry("name", RetailCdc.NAME)
        .containsEntry("database.hostname", "127.0.0.1").containsEntry("database.port", "55432")
        .containsEntry("database.password", "")
        .containsEntry("slot.name", "suqi_cdc").containsEntry("publication.name", "suqi_cdc")
        .containsEntry("topic.prefix", Topics.CDC_PREFIX);
  }

  @Test
  void takesAnotherSlotAndPublicationAndAnySetting() {
    Map<String, String> config = new RetailCdc(EMBEDDED).withSlot("it_1", "it_pub")
        .with("slot.drop.on.stop", "true").config();

    assertThat(config).containsEntry("slot.name", "it_1").containsEntry("publication.name", "it_pub")
        .containsEntry("slot.drop.on.stop", "true");
  }

  @Test
  void refusesSlotNamesPostgresRefuses() {
    assertThatThrownBy(() -> new RetailCdc(EMBEDDED).withSlot("Bad-Name", "ok"))
        .hasMessageContaining("[a-z0-9_]").hasMessageContaining("Bad-Name");
  }

  @Test
  void namesItsHeartbeatTopicAfterTheCdcPrefix() {
    assertThat(new RetailCdc(EMBEDDED).heartbeatTopic()).endsWith("." + Topics.CDC_PREFIX);
  }
}
