package io.suqi.agents.rag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.suqi.agents.TenantId;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the RAG agent's role may read, enforced by PostgreSQL itself (V9, V11). */
class KbChunksRowLevelSecurityTest {

  private static DataSource db;

  @BeforeAll
  static void givenBothTenantsPassagesStored() throws SQLException {
    db = KbDatabase.fresh();
    KbDatabase.upsert(db, TwoTenantKb.DOCUMENTS);
    new KbIndexer(new Chunker(400), new EmbeddingCache(db, new CountingEmbedder("test-model")), new ChunkStore(db),
        new KbIndex()).rebuild();
  }

  /** Rows of a query run as suqi_rag, with the tenant setting as given (null: not set). */
  private static List<String> asRag(String tenant, String sql) throws SQLException {
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("SET LOCAL ROLE " + PassageReader.ROLE);
        if (tenant != null) {
          s.execute("SELECT set_config('" + PassageReader.TENANT_SETTING + "', '" + tenant + "', true)");
        }
        List<String> rows = new ArrayList<>();
        try (ResultSet r = s.executeQuery(sql)) {
          while (r.next()) {
            rows.add(r.getString(1));
          }
        }
        return rows;
      } finally {
        c.rollback();
      }
    }
  }

  @Test
  void aTenantSeesOnlyItsOwnPassagesAndDocuments() throws SQLException {
    assertThat(asRag("acme", "SELECT DISTINCT doc_id FROM kb.chunks"))
        .containsExactlyInAnyOrder("acme:returns", "acme:refunds", "acme:stores-table", "acme:store-hours");
    assertThat(asRag("globex", "SELECT doc_id FROM kb.documents"))
        .containsExactlyInAnyOrder("globex:returns", "globex:secret-margins");
  }

  @Test
  void withoutATenantNothingIsVisible() throws SQLException {
    assertThat(asRag(null, "SELECT doc_id FROM kb.chunks")).isEmpty();
    assertThat(asRag("", "SELECT doc_id FROM kb.chunks")).isEmpty();
  }

  @Test
  void theRoleReadsNothingButTheKnowledgeBase() {
    assertThatThrownBy(() -> asRag("acme", "SELECT content_hash FROM kb.embedding_cache"))
        .hasMessageContaining("permission denied");
    assertThatThrownBy(() -> asRag("acme", "SELECT store_id::text FROM retail.stores"))
        .hasMessageContaining("permission denied");
    assertThatThrownBy(() -> asRag("acme", "DELETE FROM kb.chunks RETURNING doc_id"))
        .hasMessageContaining("permission denied");
  }

  @Test
  void thePassageReaderReadsForTheTenantItIsGiven() throws SQLException {
    PassageReader reader = new PassageReader(db, java.time.Duration.ofSeconds(2));
    List<Hit> hits = List.of(new Hit("globex:secret-margins", 0, "x", 1, 1), new Hit("acme:returns", 0, "x", 1, 1));
    assertThat(reader.read(new TenantId("acme"), hits)).extracting(Passage::docId).containsExactly("acme:returns");
  }
}
