package io.suqi.agents.rag;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * kb.chunks, written by the indexer as the tables' owner (a writer, like the lakehouse: row-level
 * security is for the agents' reads). A document's passages are replaced in one transaction, so
 * a reader sees the old passages or the new ones, never a mix.
 */
public final class ChunkStore {

  private final DataSource dataSource;

  public ChunkStore(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  public void replace(String docId, List<IndexedChunk> chunks, String model) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM kb.chunks WHERE doc_id = ?")) {
          delete.setString(1, docId);
          delete.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement("""
            INSERT INTO kb.chunks (doc_id, chunk_no, tenant_id, start_offset, end_offset, text, content_hash, model, embedding)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
          for (IndexedChunk chunk : chunks) {
            insert.setString(1, docId);
            insert.setInt(2, chunk.chunk().number());
            insert.setString(3, chunk.tenantId());
            insert.setInt(4, chunk.chunk().start());
            insert.setInt(5, chunk.chunk().end());
            insert.setString(6, chunk.chunk().text());
            insert.setString(7, chunk.contentHash());
            insert.setString(8, model);
            insert.setArray(9, Vectors.toSql(connection, chunk.vector()));
            insert.addBatch();
          }
          insert.executeBatch();
        }
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    }
  }

  public void delete(String docId) throws SQLException {
    replace(docId, List.of(), "");
  }

  /** Every stored passage embedded by {@code model}, grouped by document, with the document's current title. */
  public void forEachDocument(String model, Consumer<List<IndexedChunk>> action) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false); // a cursor: the driver streams rows only inside a transaction
      try (PreparedStatement select = connection.prepareStatement("""
          SELECT c.doc_id, c.tenant_id, d.title, c.chunk_no, c.start_offset, c.end_offset, c.text, c.content_hash, c.embedding
          FROM kb.chunks c JOIN kb.documents d ON d.doc_id = c.doc_id
          WHERE c.model = ? ORDER BY c.doc_id, c.chunk_no""")) {
        select.setFetchSize(500);
        select.setString(1, model);
        try (ResultSet rows = select.executeQuery()) {
          List<IndexedChunk> document = new ArrayList<>();
          while (rows.next()) {
            IndexedChunk chunk = new IndexedChunk(rows.getString(1), rows.getString(2), rows.getString(3),
                new Chunk(rows.getInt(4), rows.getInt(5), rows.getInt(6), rows.getString(7)), rows.getString(8),
                Vectors.fromSql(rows.getArray(9)));
            if (!document.isEmpty() && !document.get(0).docId().equals(chunk.docId())) {
              action.accept(List.copyOf(document));
              document.clear();
            }
            document.add(chunk);
          }
          if (!document.isEmpty()) {
            action.accept(List.copyOf(document));
          }
        }
      } finally {
        connection.rollback();
        connection.setAutoCommit(autoCommit);
      }
    }
  }

  /** Documents with no passages of {@code model}: new since the last run, or embedded by another model. */
  public List<KbDocument> documentsWithoutChunks(String model) throws SQLException {
    List<KbDocument> documents = new ArrayList<>();
    try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement("""
        SELECT d.doc_id, d.tenant_id, d.title, d.body FROM kb.documents d
        WHERE NOT EXISTS (SELECT 1 FROM kb.chunks c WHERE c.doc_id = d.doc_id AND c.model = ?)""")) {
      select.setString(1, model);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          documents.add(new KbDocument(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4)));
        }
      }
    }
    return documents;
  }

  /** Removes passages whose document is gone (deleted while nothing followed CDC); returns their doc ids. */
  public List<String> deleteOrphans() throws SQLException {
    List<String> docIds = new ArrayList<>();
    try (Connection connection = dataSource.getConnection(); PreparedStatement delete = connection.prepareStatement("""
        DELETE FROM kb.chunks c WHERE NOT EXISTS (SELECT 1 FROM kb.documents d WHERE d.doc_id = c.doc_id)
        RETURNING doc_id""")) {
      try (ResultSet rows = delete.executeQuery()) {
        while (rows.next()) {
          if (!docIds.contains(rows.getString(1))) {
            docIds.add(rows.getString(1));
          }
        }
      }
    }
    return docIds;
  }
}
