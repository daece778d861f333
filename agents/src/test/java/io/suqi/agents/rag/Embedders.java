package io.suqi.agents.rag;

import java.nio.file.Path;

/** The real model, loaded once per test JVM (1.5 s). */
final class Embedders {

  private static MiniLmEmbedder miniLm;

  private Embedders() {}

  static synchronized MiniLmEmbedder miniLm() {
    if (miniLm == null) {
      miniLm = MiniLmEmbedder.load(Path.of("target", "djl"));
    }
    return miniLm;
  }
}
