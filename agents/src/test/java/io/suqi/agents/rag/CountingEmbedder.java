package io.suqi.agents.rag;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/** A stand-in model for tests about caching: a vector from the text's bytes, and a count of calls. */
final class CountingEmbedder implements Embedder {

  private final String model;
  final AtomicInteger calls = new AtomicInteger();

  CountingEmbedder(String model) {
    this.model = model;
  }

  @Override
  public String model() {
    return model;
  }

  @Override
  public int dimensions() {
    return 4;
  }

  @Override
  public float[] embed(String text) {
    calls.incrementAndGet();
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    float[] vector = new float[4];
    for (int i = 0; i < bytes.length; i++) {
      vector[i % 4] += bytes[i];
    }
    return vector;
  }
}
