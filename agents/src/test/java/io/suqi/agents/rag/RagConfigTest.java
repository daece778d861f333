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
    assertThatThrownBy(() -> new RagConfig(10, 5, 3, 20, 0.25, 0.1, Duration.ofSeconds(1), LIMITS))
        .hasMessageContaining("chunkMaxChars");
    assertThatThrownBy(() -> new RagConfig(400, 5, 0, 20, 0.25, 0.1, Duration.ofSeconds(1), LIMITS))
        .hasMessageContaining("passages");
    assertThatThrownBy(() -> new RagConfig(400, 5, 3, 2, 0.25, 0.1, Duration.ofSeconds(1), LIMITS))
        .hasMessageContaining("candidates");
    assertThatThrownBy(() -> new RagConfig(400, 5, 3, 20, 1.5, 0.1, Duration.ofSeconds(1), LIMITS))
        .hasMessageContaining("relevanceThreshold");
    assertThatThrownBy(() -> new RagConfig(400, 5, 3, 20, Double.NaN, 0.1, Duration.ofSeconds(1), LIMITS))
        .hasMessageContaining("relevanceThreshold");
    assertThatThrownBy(() -> new RagConfig(400, 5, 3, 20, 0.25, 0.1, Duration.ZERO, LIMITS))
        .hasMessageContaining("statementTimeout");
    assertThatThrownBy(() -> new RagConfig(400, 5, 3, 20, 0.25, -0.1, Duration.ofSeconds(1), LIMITS))
        .hasMessageContaining("quoteMargin");
    assertThatThrownBy(() -> new RagConfig(400, 5, 6, 20, 0.25, 0.1, Duration.ofSeconds(1), LIMITS))
        .hasMessageContaining("passages");
  }

  @Test
  void theDefaultsAreValid() {
    assertThat(RagConfig.defaults().relevanceThreshold()).isEqualTo(RagConfig.DEFAULT_RELEVANCE_THRESHOLD);
    assertThat(RagConfig.defaults().withRelevanceThreshold(0.5).relevanceThreshold()).isEqualTo(0.5);
  }
}
