package io.suqi.agents.rag;

import java.util.List;
import java.util.Locale;

/** The words of a RAG answer: the passages quoted, where from, and by which model. */
final class RagAnswerText {

  private RagAnswerText() {}

  static String quoting(List<Passage> passages, String model) {
    StringBuilder text = new StringBuilder("From the knowledge base (").append(passages.size())
        .append(passages.size() == 1 ? " passage" : " passages").append(", based on ")
        .append(String.join(", ", passages.stream().map(p -> p.docId()).distinct().toList()))
        .append("; retrieved with ").append(model).append(" and BM25):");
    int n = 1;
    for (Passage passage : passages) {
      text.append('\n').append(n++).append(". ").append(passage.title()).append(" [").append(passage.docId())
          .append(", chars ").append(passage.start()).append('-').append(passage.end()).append("]: \"")
          .append(passage.text()).append('"');
    }
    return text.toString();
  }

  /** Nothing relevant: says so, how close the best match came, and what the knowledge base does cover. */
  static String nothingRelevant(List<Hit> closest, double threshold, String model) {
    StringBuilder text = new StringBuilder("Nothing relevant found in the knowledge base: ");
    if (closest.isEmpty()) {
      text.append("it holds no documents for this tenant.");
    } else {
      text.append(String.format(Locale.ROOT, "the best passage scores %.2f, below the relevance threshold %.2f.",
          closest.get(0).cosine(), threshold));
      text.append(" I can answer questions on what its documents cover, such as ")
          .append(String.join("; ", closest.stream().map(Hit::title).distinct().limit(3).toList())).append('.');
    }
    return text.append(" (").append(model).append(")").toString();
  }
}
