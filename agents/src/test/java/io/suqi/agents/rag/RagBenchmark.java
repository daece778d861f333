package io.suqi.agents.rag;

import io.suqi.agents.TenantId;
import io.suqi.schemas.AgentTask;
import io.suqi.schemas.AgentType;
import io.suqi.schemas.Intent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Retrieval quality and speed over the demo knowledge base (both demo tenants indexed, every
 * question asked as acme-retail): recall@5 on the question → relevant-document pairs of
 * {@code rag/questions.tsv}, the best passage's cosine for those and for the unrelated questions
 * of {@code rag/unrelated.tsv} (what the relevance threshold is calibrated on), indexing time
 * cold and from the embedding cache, and the latency of a whole answer (embed, hybrid search,
 * the passages read under row-level security) as p50/p95/p99 after a warm-up.
 *
 * <p>Not part of the build (its name matches no test pattern); run it with
 * {@code mvn -B -o -q -pl agents -am test -Dtest=RagBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * [-Dbenchmark.rounds=5]}. It prints; it asserts nothing.
 */
@Tag("benchmark")
class RagBenchmark {

  private static final int K = 5;
  private static final double[] MARGINS = {2.0, 0.2, RagConfig.DEFAULT_QUOTE_MARGIN, 0.05};

  @Test
  void recallAndLatency() throws Exception {
    long loadStart = System.nanoTime();
    MiniLmEmbedder embedder = Embedders.miniLm();
    System.out.printf(Locale.ROOT, "%nmodel %s loaded in %.0f ms%n", embedder.model(), ms(loadStart));

    DataSource db = KbDatabase.fresh();
    List<KbDocument> documents = DemoKnowledgeBase.documents();
    KbDatabase.upsert(db, documents);
    RagConfig config = RagConfig.defaults();
    KbIndex index = new KbIndex();
    KbIndexer indexer = new KbIndexer(new Chunker(config.chunkMaxChars()), new EmbeddingCache(db, embedder),
        new ChunkStore(db), index);
    long cold = System.nanoTime();
    indexer.apply(documents.stream().map(d -> (DocumentChange) new DocumentChange.Upsert(d)).toList());
    double coldMs = ms(cold);
    long cached = System.nanoTime();
    indexer.apply(documents.stream().map(d -> (DocumentChange) new DocumentChange.Upsert(d)).toList());
    double cachedMs = ms(cached);
    long rebuild = System.nanoTime();
    KbIndex rebuilt = new KbIndex();
    new KbIndexer(new Chunker(config.chunkMaxChars()), new EmbeddingCache(db, embedder), new ChunkStore(db), rebuilt)
        .rebuild();
    double rebuildMs = ms(rebuild);
    System.out.printf(Locale.ROOT, "indexed %d documents (%d passages): cold %.0f ms, again through the embedding "
            + "cache %.0f ms, rebuild from kb.chunks at start %.0f ms%n", documents.size(),
        KbDatabase.count(db, "SELECT count(*) FROM kb.chunks"), coldMs, cachedMs, rebuildMs);

    TenantId acme = new TenantId(DemoKnowledgeBase.ACME);
    List<RelevancePairs.Pair> pairs = RelevancePairs.questions();
    double recallSum = 0;
    int allFound = 0;
    List<Double> relevantBest = new ArrayList<>();
    List<String> misses = new ArrayList<>();
    int rrf3 = 0;
    long[] quotedCount = new long[MARGINS.length];
    long[] quotedRelevant = new long[MARGINS.length];
    long[] answeredRelevant = new long[MARGINS.length];
    int cos3 = 0;
    int rrf1 = 0;
    int cos1 = 0;
    for (RelevancePairs.Pair pair : pairs) {
      List<Hit> hits = index.search(acme, pair.question(), embedder.embed(pair.question()), config.candidates(), K);
      String prefix = DemoKnowledgeBase.ACME + ":"; // another tenant's copy of a document is no hit
      Set<String> found = hits.stream().map(Hit::docId).filter(id -> id.startsWith(prefix))
          .map(id -> id.substring(prefix.length())).collect(Collectors.toSet());
      long hit = pair.slugs().stream().filter(found::contains).count();
      recallSum += (double) hit / pair.slugs().size();
      allFound += hit == pair.slugs().size() ? 1 : 0;
      relevantBest.add(hits.stream().mapToDouble(Hit::cosine).max().orElse(-1));
      List<Hit> top3Rrf = hits.subList(0, Math.min(3, hits.size()));
      List<Hit> top3Cos = hits.stream().sorted(java.util.Comparator.comparingDouble(Hit::cosine).reversed()).limit(3).toList();
      rrf3 += top3Rrf.stream().anyMatch(h -> pair.slugs().contains(h.docId().substring(prefix.length()))) ? 1 : 0;
      cos3 += top3Cos.stream().anyMatch(h -> pair.slugs().contains(h.docId().substring(prefix.length()))) ? 1 : 0;
      for (int m = 0; m < MARGINS.length; m++) {
        List<Hit> quoted = PassageSelection.quoted(hits, config.withQuoteMargin(MARGINS[m]));
        long relevantQuoted = quoted.stream().filter(h -> pair.slugs().contains(h.docId().substring(prefix.length()))).count();
        quotedCount[m] += quoted.size();
        quotedRelevant[m] += relevantQuoted;
        answeredRelevant[m] += relevantQuoted > 0 ? 1 : 0;
      }
      rrf1 += !hits.isEmpty() && pair.slugs().contains(hits.get(0).docId().substring(prefix.length())) ? 1 : 0;
      cos1 += !top3Cos.isEmpty() && pair.slugs().contains(top3Cos.get(0).docId().substring(prefix.length())) ? 1 : 0;
      if (hit < pair.slugs().size()) {
        misses.add(pair.question() + " -> wanted " + pair.slugs() + ", got "
            + hits.stream().map(Hit::docId).toList());
      }
    }
    List<Double> unrelatedBest = new ArrayList<>();
    for (String question : RelevancePairs.unrelated()) {
      List<Hit> hits = index.search(acme, question, embedder.embed(question), config.candidates(), K);
      unrelatedBest.add(hits.stream().mapToDouble(Hit::cosine).max().orElse(-1));
    }
    System.out.printf(Locale.ROOT, "recall@%d over %d questions: %.3f (all relevant documents in the top %d: %d)%n",
        K, pairs.size(), recallSum / pairs.size(), K, allFound);
    misses.forEach(m -> System.out.println("  missed: " + m));
    for (int m = 0; m < MARGINS.length; m++) {
      System.out.printf(Locale.ROOT, "  quoting up to %d within %.2f of the best: %d passages, %.1f%% of them "
          + "relevant; %d of %d answers quote a relevant one%n", config.passages(), MARGINS[m], quotedCount[m],
          100.0 * quotedRelevant[m] / quotedCount[m], answeredRelevant[m], pairs.size());
    }
    System.out.printf(Locale.ROOT, "a relevant document first / in the top 3: fused order %d / %d, top %d by cosine %d / %d (of %d)%n",
        rrf1, rrf3, K, cos1, cos3, pairs.size());
    System.out.printf(Locale.ROOT, "best passage cosine, in-scope: min %.3f p5 %.3f p50 %.3f; unrelated: p50 %.3f "
            + "p95 %.3f max %.3f; threshold %.2f refuses %d of %d in-scope and %d of %d unrelated%n",
        min(relevantBest), pct(relevantBest, 5), pct(relevantBest, 50), pct(unrelatedBest, 50),
        pct(unrelatedBest, 95), max(unrelatedBest), config.relevanceThreshold(),
        relevantBest.stream().filter(c -> c < config.relevanceThreshold()).count(), relevantBest.size(),
        unrelatedBest.stream().filter(c -> c < config.relevanceThreshold()).count(), unrelatedBest.size());

    for (double threshold : new double[] {0.15, 0.20, 0.25, 0.30, 0.35}) {
      System.out.printf(Locale.ROOT, "  threshold %.2f: refuses %d of %d in-scope, answers %d of %d unrelated%n",
          threshold, relevantBest.stream().filter(c -> c < threshold).count(), relevantBest.size(),
          unrelatedBest.stream().filter(c -> c >= threshold).count(), unrelatedBest.size());
    }

    RagAnswerer answerer = new RagAnswerer(embedder, index, new PassageReader(db, Duration.ofSeconds(2)), config,
        Clock.systemUTC());
    System.out.println("sample answer to '" + pairs.get(0).question() + "':\n"
        + answerer.handle(task(pairs.get(0).question())).getAnswer().getText());
    System.out.println("sample answer to '" + RelevancePairs.unrelated().get(0) + "':\n"
        + answerer.handle(task(RelevancePairs.unrelated().get(0))).getAnswer().getText());
    int rounds = Integer.getInteger("benchmark.rounds", 5);
    for (RelevancePairs.Pair pair : pairs) {
      answerer.handle(task(pair.question())); // warm-up
    }
    double[] latencies = new double[rounds * pairs.size()];
    int n = 0;
    for (int r = 0; r < rounds; r++) {
      for (RelevancePairs.Pair pair : pairs) {
        long start = System.nanoTime();
        answerer.handle(task(pair.question()));
        latencies[n++] = ms(start);
      }
    }
    Arrays.sort(latencies);
    System.out.printf(Locale.ROOT, "answer latency over %d answers (embed + hybrid search + read under RLS): "
            + "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n", latencies.length, at(latencies, 50),
        at(latencies, 95), at(latencies, 99), latencies[latencies.length - 1]);
    index.close();
    rebuilt.close();
  }

  private static AgentTask task(String question) {
    return AgentTask.newBuilder().setQueryId("bench").setTenantId(DemoKnowledgeBase.ACME).setPlatform("bench")
        .setQuestion(question).setIntent(Intent.RAG).setConfidence(1).setAgent(AgentType.RAG).setStepNumber(1)
        .setIssuedAt(Instant.now().toEpochMilli()).build();
  }

  private static double ms(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e6;
  }

  private static double at(double[] sorted, int percentile) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
  }

  private static double pct(List<Double> values, int percentile) {
    return at(values.stream().mapToDouble(Double::doubleValue).sorted().toArray(), percentile);
  }

  private static double min(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
  }

  private static double max(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
  }
}
