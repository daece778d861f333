package io.suqi.agents.rag;

import io.suqi.agents.TenantId;
import io.suqi.agents.TenantReadTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Reads the passages an answer quotes from kb.chunks, in a read-only transaction as
 * {@value #ROLE} with the asking tenant bound for row-level security (V9, V11): even a hit of
 * another tenant's document would read as nothing. It also makes the answer current: a passage
 * changed or deleted since the index last refreshed is quoted as it now is, or not at all.
 */
public final class PassageReader {

  /** Created by V11; the connecting user must be a member (superusers are). */
  static final String ROLE = "suqi_rag";
  static final String TENANT_SETTING = TenantReadTransaction.TENANT_SETTING;

  private final TenantReadTransaction transaction;

  public PassageReader(DataSource dataSource, Duration statementTimeout) {
    this.transaction = new TenantReadTransaction(dataSource, ROLE, statementTimeout);
  }

  /** The hits' passages that the tenant may read and that still exist, in the hits' order. */
  public List<Passage> read(TenantId tenant, List<Hit> hits) throws SQLException {
    Objects.requireNonNull(tenant, "tenant");
    if (hits.isEmpty()) {
      return List.of();
    }
    return transaction.read(tenant, connection -> select(connection, tenant, hits));
  }

  private static List<Passage> select(Connection connection, TenantId tenant, List<Hit> hits) throws SQLException {
    Map<String, Passage> found = new HashMap<>();
    try (PreparedStatement select = connection.prepareStatement("""
        SELECT c.doc_id, c.chunk_no, d.title, c.start_offset, c.end_offset, c.text
        FROM kb.chunks c JOIN kb.documents d ON d.doc_id = c.doc_id
        WHERE c.tenant_id = ? AND c.doc_id = ANY (?)""")) {
      select.setString(1, tenant.value()); // a second line of defence behind the policies
      select.setArray(2, connection.createArrayOf("text", hits.stream().map(Hit::docId).toArray()));
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          found.put(rows.getString(1) + "#" + rows.getInt(2), new Passage(rows.getString(1), rows.getInt(2),
              rows.getString(3), rows.getInt(4), rows.getInt(5), rows.getString(6), 0));
        }
      }
    }
    List<Passage> passages = new ArrayList<>();
    for (Hit hit : hits) {
      Passage passage = found.get(hit.docId() + "#" + hit.chunkNo());
      if (passage != null) {
        passages.add(new Passage(passage.docId(), passage.chunkNo(), passage.title(), passage.start(), passage.end(),
            passage.text(), hit.cosine()));
      }
    }
    return passages;
  }
}
