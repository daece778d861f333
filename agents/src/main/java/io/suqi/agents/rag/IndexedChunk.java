package io.suqi.agents.rag;

/** A passage with what it is found by: its document, tenant, title and vector. */
public record IndexedChunk(String docId, String tenantId, String title, Chunk chunk, String contentHash,
    float[] vector) {

  /** What is embedded for a passage: the title says what the passage is about. */
  static String embeddedText(String title, String passage) {
    return title.isBlank() ? passage : title + ".\n" + passage;
  }

  String key() {
    return docId + "#" + chunk.number();
  }
}
