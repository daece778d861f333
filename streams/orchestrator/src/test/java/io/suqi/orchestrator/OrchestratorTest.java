package io.suqi.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.suqi.schemas.AgentType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service's life cycle; processing itself is covered by OrchestratorTopologyTest. */
class OrchestratorTest {

  @TempDir
  Path stateDir;

  @Test
  void without_a_broker_it_never_runs_and_still_stops_cleanly() {
    // Given: nothing listens on port 1
    Orchestrator orchestrator = new Orchestrator(new OrchestratorConfig("localhost:1", stateDir, Set.of(AgentType.ANALYTICS)));

    // When
    orchestrator.start();

    // Then
    assertThatThrownBy(() -> orchestrator.awaitRunning(Duration.ofMillis(300)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("not running after");
    orchestrator.stop();
    orchestrator.stop();
    assertThat(orchestrator.state()).isEqualTo(KafkaStreams.State.NOT_RUNNING);
    assertThatThrownBy(orchestrator::start).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void waiting_before_start_fails_at_once() {
    Orchestrator orchestrator = new Orchestrator(new OrchestratorConfig("localhost:1", stateDir, Set.of()));

    assertThatThrownBy(() -> orchestrator.awaitRunning(Duration.ofSeconds(5)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("not starting");
  }
}
