package io.suqi.agents.rag;

/** How a RAG answer's citations read: documents by doc id, the model by this prefix and its name. */
public final class RagCitations {

  public static final String MODEL_PREFIX = "model:";

  private RagCitations() {}
}
