package io.suqi.agents.rag;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.nio.file.Path;
import java.util.Objects;

/**
 * all-MiniLM-L6-v2 (sentence-transformers, 384 dimensions), run in-process by ONNX Runtime from
 * the model file inside langchain4j's jar: no network, no service. Loading takes ~1.5 s, one
 * sentence ~6 ms on a 2-core machine.
 */
public final class MiniLmEmbedder implements Embedder {

  /** Model and the artifact version that ships it: a new jar may bring a retrained model. */
  public static final String MODEL = "all-MiniLM-L6-v2@langchain4j-1.19.0-beta29";
  private static final int DIMENSIONS = 384;
  /** Where DJL (the tokenizer's native library) unpacks; read from a property or the environment. */
  static final String DJL_CACHE_DIR = "DJL_CACHE_DIR";

  private final AllMiniLmL6V2EmbeddingModel model;

  private MiniLmEmbedder(AllMiniLmL6V2EmbeddingModel model) {
    this.model = model;
  }

  /**
   * Loads the model. The tokenizer's native library is unpacked under {@code nativeCache} unless
   * DJL_CACHE_DIR is already set, so nothing lands in the home folder.
   */
  public static MiniLmEmbedder load(Path nativeCache) {
    useNativeCache(nativeCache);
    // runs on the caller's thread: tasks are already bounded by the agent's pool
    return new MiniLmEmbedder(new AllMiniLmL6V2EmbeddingModel(Runnable::run));
  }

  /**
   * Where every DJL tokenizer in this JVM unpacks its native library (the orchestrator's intent
   * classifier has one too), unless DJL_CACHE_DIR is already set. Call it before either loads.
   */
  public static void useNativeCache(Path nativeCache) {
    Objects.requireNonNull(nativeCache, "nativeCache");
    if (System.getProperty(DJL_CACHE_DIR) == null && System.getenv(DJL_CACHE_DIR) == null) {
      System.setProperty(DJL_CACHE_DIR, nativeCache.toAbsolutePath().toString());
    }
  }

  @Override
  public String model() {
    return MODEL;
  }

  @Override
  public int dimensions() {
    return DIMENSIONS;
  }

  @Override
  public float[] embed(String text) {
    return model.embed(text).content().vector();
  }
}
