package io.suqi.agents.rag;

import java.util.Comparator;
import java.util.List;

/**
 * Which retrieved documents an answer quotes: the most similar to the question first, at most
 * {@link RagConfig#passages()}, each above the relevance threshold and within the quote margin of
 * the best. The fused ranking decides what is retrieved (it finds exact terms the vectors miss);
 * similarity decides what is worth quoting (measured in RagBenchmark: more answers lead with a
 * relevant passage than in fused order).
 */
final class PassageSelection {

  private PassageSelection() {}

  static List<Hit> quoted(List<Hit> retrieved, RagConfig config) {
    List<Hit> bySimilarity = retrieved.stream().sorted(Comparator.comparingDouble(Hit::cosine).reversed()).toList();
    if (bySimilarity.isEmpty()) {
      return List.of();
    }
    double best = bySimilarity.get(0).cosine();
    return bySimilarity.stream()
        .filter(h -> h.cosine() >= config.relevanceThreshold() && h.cosine() >= best - config.quoteMargin())
        .limit(config.passages())
        .toList();
  }
}
