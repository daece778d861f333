package io.suqi.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.suqi.orchestrator.cost.PriceTable;
import io.suqi.schemas.AgentType;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrchestratorConfigTest {

  private static final Path STATE = Path.of("state");

  @Test
  void the_short_form_uses_the_default_application_id_and_no_cost() {
    // When
    OrchestratorConfig config = new OrchestratorConfig("localhost:9092", STATE, EnumSet.of(AgentType.ANALYTICS));

    // Then
    assertThat(config.applicationId()).isEqualTo("suqi-orchestrator");
    assertThat(config.prices()).isEqualTo(PriceTable.free());
    assertThat(config.availableAgents()).containsExactly(AgentType.ANALYTICS);
  }

  @Test
  void the_agent_set_is_copied() {
    // Given
    Set<AgentType> agents = EnumSet.of(AgentType.ML);
    OrchestratorConfig config = new OrchestratorConfig("localhost:9092", STATE, agents);

    // When
    agents.add(AgentType.RAG);

    // Then
    assertThat(config.availableAgents()).containsExactly(AgentType.ML);
  }

  @Test
  void invalid_settings_are_refused_with_the_setting_named() {
    assertThatThrownBy(() -> new OrchestratorConfig(" ", "k:9092", STATE, Set.of(), PriceTable.free()))
        .hasMessageContaining("applicationId");
    assertThatThrownBy(() -> new OrchestratorConfig(null, STATE, Set.of()))
        .hasMessageContaining("bootstrapServers");
    assertThatThrownBy(() -> new OrchestratorConfig("k:9092", null, Set.of()))
        .hasMessageContaining("stateDir");
    assertThatThrownBy(() -> new OrchestratorConfig("k:9092", STATE, null))
        .hasMessageContaining("availableAgents");
    assertThatThrownBy(() -> new OrchestratorConfig("app", "k:9092", STATE, Set.of(), null))
        .hasMessageContaining("prices");
  }
}
