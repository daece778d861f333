package io.suqi.agents.rag;

import io.suqi.agents.TaskLimits;
import java.time.Duration;
import java.util.Objects;

/**
 * How the RAG agent cuts, retrieves and answers. Validated at start: a bad value fails the start
 * with the name of the setting, not a wrong answer later.
 *
 * @param chunkMaxChars      the longest passage (a longer sentence is cut at a space)
 * @param retrieved          documents taken from the fused ranking (recall@5 is measured on 5)
 * @param passages           passages quoted at most in one answer (and documents cited), the
 *                           retrieved ones most similar to the question
 * @param candidates         hits taken from each ranking (vectors, BM25) before they are fused
 * @param relevanceThreshold the lowest cosine similarity between question and passage that counts
 *                           as relevant; below it for every passage, the answer says nothing
 *                           relevant was found (calibrated in {@code RagBenchmark})
 * @param quoteMargin        a passage is quoted only within this cosine of the best one, so a
 *                           weak third passage does not dilute a clear answer
 * @param statementTimeout   how long the per-answer read of the passages may run in PostgreSQL
 * @param limits             tasks at once and the time each may take
 */
public record RagConfig(int chunkMaxChars, int retrieved, int passages, int candidates, double relevanceThreshold,
    double quoteMargin, Duration statementTimeout, TaskLimits limits) {

  public static final int DEFAULT_CHUNK_MAX_CHARS = 400;
  public static final int DEFAULT_RETRIEVED = 5;
  public static final int DEFAULT_PASSAGES = 3;
  /** RagBenchmark: 0.10 quotes 1.6 passages per answer, two thirds relevant, and loses one answer of 79 to 0.20. */
  public static final double DEFAULT_QUOTE_MARGIN = 0.10;
  public static final int DEFAULT_CANDIDATES = 20;
  /**
   * Calibrated by RagBenchmark (docs/BENCHMARKS.md): at their best passage, the unrelated questions
   * score at most 0.15, the in-scope ones 0.37 at the 5th percentile (one outlier 0.19).
   */
  public static final double DEFAULT_RELEVANCE_THRESHOLD = 0.25;

  public RagConfig {
    requireBetween("chunkMaxChars", chunkMaxChars, 80, 4000);
    requireBetween("retrieved", retrieved, 1, 50);
    requireBetween("passages", passages, 1, retrieved);
    requireBetween("candidates", candidates, retrieved, 200);
    if (!(relevanceThreshold >= -1.0 && relevanceThreshold <= 1.0)) {
      throw new IllegalArgumentException("relevanceThreshold is a cosine similarity, between -1 and 1, was "
          + relevanceThreshold);
    }
    if (!(quoteMargin >= 0 && quoteMargin <= 2)) {
      throw new IllegalArgumentException("quoteMargin is a difference of cosines, between 0 and 2, was " + quoteMargin);
    }
    Objects.requireNonNull(statementTimeout, "statementTimeout");
    if (statementTimeout.toMillis() < 1) {
      // PostgreSQL reads statement_timeout = 0 as "no timeout"
      throw new IllegalArgumentException("statementTimeout must be at least 1 ms, was " + statementTimeout);
    }
    Objects.requireNonNull(limits, "limits");
  }

  public static RagConfig defaults() {
    return new RagConfig(DEFAULT_CHUNK_MAX_CHARS, DEFAULT_RETRIEVED, DEFAULT_PASSAGES, DEFAULT_CANDIDATES,
        DEFAULT_RELEVANCE_THRESHOLD, DEFAULT_QUOTE_MARGIN, Duration.ofSeconds(2), new TaskLimits(4, Duration.ofSeconds(5)));
  }

  public RagConfig withRelevanceThreshold(double threshold) {
    return new RagConfig(chunkMaxChars, retrieved, passages, candidates, threshold, quoteMargin, statementTimeout,
        limits);
  }

  public RagConfig withQuoteMargin(double margin) {
    return new RagConfig(chunkMaxChars, retrieved, passages, candidates, relevanceThreshold, margin, statementTimeout,
        limits);
  }

  private static void requireBetween(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + value);
    }
  }
}
