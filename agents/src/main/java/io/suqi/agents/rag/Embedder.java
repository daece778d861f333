package io.suqi.agents.rag;

/** Text to a vector. Implementations are thread-safe. */
public interface Embedder {

  /** The model's name and version, as cited in answers and stored with every vector. */
  String model();

  int dimensions();

  float[] embed(String text);
}
