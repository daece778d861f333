package io.suqi.agents.rag;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps kb.chunks and the index in step with kb.documents: a document's new version is chunked,
 * embedded (through the cache), stored and indexed; a deleted one is removed from both. Postgres
 * is written first, so the index can always be rebuilt from it.
 */
public final class KbIndexer {

  private static final Logger LOG = LoggerFactory.getLogger(KbIndexer.class);

  private final Chunker chunker;
  private final EmbeddingCache embeddings;
  private final ChunkStore store;
  private final KbIndex index;

  public KbIndexer(Chunker chunker, EmbeddingCache embeddings, ChunkStore store, KbIndex index) {
    this.chunker = Objects.requireNonNull(chunker, "chunker");
    this.embeddings = Objects.requireNonNull(embeddings, "embeddings");
    this.store = Objects.requireNonNull(store, "store");
    this.index = Objects.requireNonNull(index, "index");
  }

  /**
   * Loads the index from kb.chunks, then catches up with what changed while nothing followed
   * CDC (documents without passages of this model, passages of deleted documents).
   *
   * @return documents in the index
   */
  public int rebuild() throws SQLException {
    store.forEachDocument(embeddings.model(), chunks -> index.replace(chunks.get(0).docId(), chunks));
    int loaded = index.documents();
    List<DocumentChange> missed = new ArrayList<>();
    store.documentsWithoutChunks(embeddings.model()).forEach(d -> missed.add(new DocumentChange.Upsert(d)));
    store.deleteOrphans().forEach(docId -> missed.add(new DocumentChange.Delete(docId)));
    apply(missed);
    LOG.info("rag index: {} documents loaded from kb.chunks, {} caught up from kb.documents", loaded, missed.size());
    return index.documents();
  }

  /** Applies the changes in order (the last change of a document wins) and makes them searchable. */
  public void apply(List<DocumentChange> changes) throws SQLException {
    Map<String, DocumentChange> latest = new LinkedHashMap<>();
    for (DocumentChange change : changes) {
      latest.remove(change.docId()); // keep the order of each document's last change
      latest.put(change.docId(), change);
    }
    for (DocumentChange change : latest.values()) {
      if (change instanceof DocumentChange.Upsert upsert) {
        List<IndexedChunk> chunks = passages(upsert.document());
        store.replace(upsert.docId(), chunks, embeddings.model());
        index.replace(upsert.docId(), chunks);
      } else {
        store.delete(change.docId());
        index.delete(change.docId());
      }
    }
    index.refresh();
  }

  private List<IndexedChunk> passages(KbDocument document) throws SQLException {
    List<Chunk> chunks = chunker.chunks(document.body());
    List<String> embedded = chunks.stream().map(c -> IndexedChunk.embeddedText(document.title(), c.text())).toList();
    List<float[]> vectors = embeddings.embedAll(embedded);
    List<IndexedChunk> indexed = new ArrayList<>(chunks.size());
    for (int i = 0; i < chunks.size(); i++) {
      indexed.add(new IndexedChunk(document.docId(), document.tenantId(), document.title(), chunks.get(i),
          embeddings.hash(embedded.get(i)), vectors.get(i)));
    }
    return indexed;
  }
}
