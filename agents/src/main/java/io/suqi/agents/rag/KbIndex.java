package io.suqi.agents.rag;

import io.suqi.agents.TenantId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The passages of every tenant's documents in one in-process Lucene index: an HNSW graph of their
 * vectors and BM25 over their words (English stems). A search ranks the asking tenant's passages
 * both ways and fuses the two rankings by reciprocal rank (RRF): vectors find paraphrases, BM25
 * finds exact terms (a table name, "SKU"), and neither's scores need calibrating against the other.
 *
 * <p>Queries are built from terms, never parsed: question text cannot become query syntax, and
 * the tenant is a filter clause that the question does not reach. Held in memory and rebuilt at
 * start from kb.chunks; changes become visible at {@link #refresh()}.
 */
public final class KbIndex implements AutoCloseable {

  /** RRF's constant: dampens the difference between the first few ranks (the usual 60). */
  private static final int RRF_K = 60;
  /** BM25 clauses per question at most: a pasted essay must not blow up the query. */
  private static final int MAX_TERMS = 64;
  private static final float TITLE_BOOST = 2.0f;

  private static final String KEY = "key";
  private static final String DOC_ID = "doc_id";
  private static final String TENANT = "tenant_id";
  private static final String CHUNK_NO = "chunk_no";
  private static final String TITLE = "title";
  private static final String TEXT = "text";
  private static final String VECTOR = "vector";

  private final Analyzer analyzer = new EnglishAnalyzer();
  private final IndexWriter writer;
  private final SearcherManager searchers;
  /** Vectors by passage key, for the cosine of a passage found by BM25 alone. */
  private final Map<String, float[]> vectors = new ConcurrentHashMap<>();
  private final Map<String, Integer> chunksByDoc = new ConcurrentHashMap<>();

  public KbIndex() {
    try {
      writer = new IndexWriter(new ByteBuffersDirectory(), new IndexWriterConfig(analyzer));
      searchers = new SearcherManager(writer, null);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the in-memory index", e);
    }
  }

  /** Replaces every passage of the document (none: the document is gone from the index). */
  public void replace(String docId, List<IndexedChunk> chunks) {
    try {
      writer.deleteDocuments(new Term(DOC_ID, docId));
      forget(docId);
      List<Document> documents = new ArrayList<>();
      for (IndexedChunk chunk : chunks) {
        documents.add(document(chunk));
        vectors.put(chunk.key(), chunk.vector());
      }
      writer.addDocuments(documents);
      if (!chunks.isEmpty()) {
        chunksByDoc.put(docId, chunks.size());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot index " + docId, e);
    }
  }

  public void delete(String docId) {
    replace(docId, List.of());
  }

  /** Makes every change so far visible to searches. */
  public void refresh() {
    try {
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot refresh the index", e);
    }
  }

  /** Documents in the index, over all tenants. */
  public int documents() {
    return chunksByDoc.size();
  }

  /**
   * The tenant's best documents for the question, each by its best passage, best first.
   *
   * @param candidates passages taken from each ranking before fusing
   * @param limit      documents returned at most
   */
  public List<Hit> search(TenantId tenant, String question, float[] questionVector, int candidates, int limit) {
    Query tenantOnly = new TermQuery(new Term(TENANT, tenant.value()));
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        Map<Integer, Double> fused = new HashMap<>();
        rank(searcher, new KnnFloatVectorQuery(VECTOR, questionVector, candidates, tenantOnly), candidates, fused);
        words(question).ifPresent(words -> {
          BooleanQuery bm25 = new BooleanQuery.Builder().add(words, Occur.MUST).add(tenantOnly, Occur.FILTER).build();
          rank(searcher, bm25, candidates, fused);
        });
        return bestPerDocument(searcher, tenant, questionVector, fused, limit);
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot search the index", e);
    }
  }

  private static void rank(IndexSearcher searcher, Query query, int candidates, Map<Integer, Double> fused) {
    try {
      ScoreDoc[] hits = searcher.search(query, candidates).scoreDocs;
      for (int rank = 0; rank < hits.length; rank++) {
        fused.merge(hits[rank].doc, 1.0 / (RRF_K + rank + 1), Double::sum);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot search the index", e);
    }
  }

  private List<Hit> bestPerDocument(IndexSearcher searcher, TenantId tenant, float[] questionVector,
      Map<Integer, Double> fused, int limit) throws IOException {
    List<Map.Entry<Integer, Double>> ranked = new ArrayList<>(fused.entrySet());
    ranked.sort(Map.Entry.<Integer, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    Map<String, Hit> best = new LinkedHashMap<>();
    for (Map.Entry<Integer, Double> entry : ranked) {
      Document stored = searcher.storedFields().document(entry.getKey());
      if (!tenant.value().equals(stored.get(TENANT))) {
        continue; // the filter already ensures it; a second check costs nothing
      }
      String docId = stored.get(DOC_ID);
      if (best.containsKey(docId)) {
        continue;
      }
      float[] vector = vectors.get(stored.get(KEY));
      double cosine = vector == null ? 0 : Vectors.cosine(questionVector, vector);
      best.put(docId, new Hit(docId, stored.getField(CHUNK_NO).numericValue().intValue(), stored.get(TITLE), cosine,
          entry.getValue()));
      if (best.size() == limit) {
        break;
      }
    }
    return List.copyOf(best.values());
  }

  /** The question's words as BM25 clauses over passage text and title; empty if it has none. */
  private java.util.Optional<Query> words(String question) {
    Set<String> terms = new LinkedHashSet<>();
    try (TokenStream tokens = analyzer.tokenStream(TEXT, question)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      while (tokens.incrementToken() && terms.size() < MAX_TERMS) {
        terms.add(term.toString());
      }
      tokens.end();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot analyse the question", e);
    }
    if (terms.isEmpty()) {
      return java.util.Optional.empty();
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (String term : terms) {
      any.add(new TermQuery(new Term(TEXT, term)), Occur.SHOULD);
      any.add(new BoostQuery(new TermQuery(new Term(TITLE, term)), TITLE_BOOST), Occur.SHOULD);
    }
    return java.util.Optional.of(any.build());
  }

  private static Document document(IndexedChunk chunk) {
    Document document = new Document();
    document.add(new StringField(KEY, chunk.key(), Field.Store.YES));
    document.add(new StringField(DOC_ID, chunk.docId(), Field.Store.YES));
    document.add(new StringField(TENANT, chunk.tenantId(), Field.Store.YES));
    document.add(new StoredField(CHUNK_NO, chunk.chunk().number()));
    document.add(new TextField(TITLE, chunk.title(), Field.Store.YES));
    document.add(new TextField(TEXT, chunk.chunk().text(), Field.Store.NO));
    document.add(new KnnFloatVectorField(VECTOR, chunk.vector(), VectorSimilarityFunction.COSINE));
    return document;
  }

  private void forget(String docId) {
    Integer count = chunksByDoc.remove(docId);
    if (count != null) {
      for (int i = 0; i < count; i++) {
        vectors.remove(docId + "#" + i);
      }
    }
  }

  @Override
  public void close() {
    try {
      searchers.close();
      writer.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the index", e);
    }
  }
}
