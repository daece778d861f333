package io.suqi.agents.rag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.suqi.agents.TaskLimits;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RagConfigTest {

  private static final TaskLimits LIMITS = new TaskLimits(2, Duration.ofSeconds(5));

  @Test
  void nonsenseIsRefusedNamingTheSetting() {
    assertThatThrownBy(() -> new RagConfig(10, 3, 20, 0.25, Duration.ofSeconds(1), LIMITS))
        .hasMessageContaining("chunkMaxChars");
    assertThatThrownBy(() -> new RagConfig(400, 0, 20, 0.25, Duration.ofSeconds(1), LIMITS))
        .hasMessageContaining("passages");
    assertThatThrownBy(() -> new RagConfig(400, 5, 2, 0.25, Duration.ofSeconds(1), LIMITS))
        .hasMessageContaining("candidates");
    assertThatThrownBy(() -> new RagConfig(400, 3, 20, 1.5, Duration.ofSeconds(1), LIMITS))
        .hasMessageContaining("relevanceThreshold");
    assertThatThrownBy(() -> new RagConfig(400, 3, 20, Double.NaN, Duration.ofSeconds(1), LIMITS))
        .hasMessageContaining("relevanceThreshold");
    assertThatThrownBy(() -> new RagConfig(400, 3, 20, 0.25, Duration.ZERO, LIMITS))
        .hasMessageContaining("statementTimeout");
  }

  @Test
  void theDefaultsAreValid() {
    assertThat(RagConfig.defaults().relevanceThreshold()).isEqualTo(RagConfig.DEFAULT_RELEVANCE_THRESHOLD);
    assertThat(RagConfig.defaults().withRelevanceThreshold(0.5).relevanceThreshold()).isEqualTo(0.5);
  }
}
