package io.suqi.agents.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.suqi.agents.ml.training.SearchSpace;
import org.junit.jupiter.api.Test;

class SearchSpaceTest {

  @Test
  void triesAtMostTheLimitOfDistinctCandidates() {
    assertThat(SearchSpace.candidates(3)).hasSize(3).doesNotHaveDuplicates();
    assertThat(SearchSpace.candidates(SearchSpace.MOST_CANDIDATES)).hasSize(SearchSpace.MOST_CANDIDATES)
        .doesNotHaveDuplicates();
  }

  @Test
  void anUnboundedSearchIsRefused() {
    assertThatThrownBy(() -> SearchSpace.candidates(SearchSpace.MOST_CANDIDATES + 1)).hasMessageContaining("1..8");
    assertThatThrownBy(() -> SearchSpace.candidates(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
