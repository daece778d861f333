package io.suqi.agents.rag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PassageSelectionTest {

  private static final RagConfig CONFIG = RagConfig.defaults().withRelevanceThreshold(0.25).withQuoteMargin(0.10);

  private static Hit hit(String docId, double cosine) {
    return new Hit(docId, 0, docId, cosine, 0);
  }

  @Test
  void theMostSimilarAreQuotedFirstUpToThePassageLimit() {
    // Given retrieved documents in fused order
    List<Hit> retrieved = List.of(hit("b", 0.50), hit("a", 0.55), hit("c", 0.52), hit("d", 0.51));
    // When / Then the three most similar, by similarity
    assertThat(PassageSelection.quoted(retrieved, CONFIG)).extracting(Hit::docId).containsExactly("a", "c", "d");
  }

  @Test
  void aPassageFarBelowTheBestOrBelowTheThresholdIsNotQuoted() {
    List<Hit> retrieved = List.of(hit("weak", 0.40), hit("best", 0.62), hit("close", 0.55));
    assertThat(PassageSelection.quoted(retrieved, CONFIG)).extracting(Hit::docId).containsExactly("best", "close");
    assertThat(PassageSelection.quoted(List.of(hit("x", 0.24), hit("y", 0.2)), CONFIG)).isEmpty();
    assertThat(PassageSelection.quoted(List.of(), CONFIG)).isEmpty();
  }
}
