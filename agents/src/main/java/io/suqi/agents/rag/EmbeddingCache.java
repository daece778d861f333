package io.suqi.agents.rag;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Vectors by content hash in {@code kb.embedding_cache}, in front of the model: a passage seen
 * before (a restart, an update that kept a paragraph, the same text in two tenants) is read, not
 * embedded again. Content-addressed, so it holds no tenant and never needs invalidating.
 */
public final class EmbeddingCache {

  private final DataSource dataSource;
  private final Embedder embedder;

  public EmbeddingCache(DataSource dataSource, Embedder embedder) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.embedder = Objects.requireNonNull(embedder, "embedder");
  }

  public String model() {
    return embedder.model();
  }

  public String hash(String embeddedText) {
    return ContentHash.of(embedder.model(), embeddedText);
  }

  /** The vector of each text (in order): cached ones read in one query, the rest embedded and stored. */
  public List<float[]> embedAll(List<String> texts) throws SQLException {
    Map<String, String> byHash = new LinkedHashMap<>();
    for (String text : texts) {
      byHash.putIfAbsent(hash(text), text);
    }
    Map<String, float[]> vectors = new HashMap<>();
    try (Connection connection = dataSource.getConnection()) {
      read(connection, byHash.keySet(), vectors);
      Map<String, float[]> computed = new LinkedHashMap<>();
      byHash.forEach((hash, text) -> {
        if (!vectors.containsKey(hash)) {
          computed.put(hash, embedder.embed(text));
        }
      });
      write(connection, computed);
      vectors.putAll(computed);
    }
    List<float[]> result = new ArrayList<>(texts.size());
    for (String text : texts) {
      result.add(vectors.get(hash(text)));
    }
    return result;
  }

  private void read(Connection connection, java.util.Collection<String> hashes, Map<String, float[]> into)
      throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT content_hash, embedding FROM kb.embedding_cache WHERE model = ? AND content_hash = ANY (?)")) {
      select.setString(1, embedder.model());
      select.setArray(2, connection.createArrayOf("text", hashes.toArray()));
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          into.put(rows.getString(1), Vectors.fromSql(rows.getArray(2)));
        }
      }
    }
  }

  private void write(Connection connection, Map<String, float[]> computed) throws SQLException {
    if (computed.isEmpty()) {
      return;
    }
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO kb.embedding_cache (content_hash, model, embedding) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
      for (Map.Entry<String, float[]> entry : computed.entrySet()) {
        insert.setString(1, entry.getKey());
        insert.setString(2, embedder.model());
        Array vector = Vectors.toSql(connection, entry.getValue());
        insert.setArray(3, vector);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }
}
