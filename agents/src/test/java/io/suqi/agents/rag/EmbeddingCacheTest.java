package io.suqi.agents.rag;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The embedding cache against a real PostgreSQL. */
class EmbeddingCacheTest {

  private static DataSource db;

  @BeforeAll
  static void database() {
    db = KbDatabase.fresh();
  }

  @Test
  void aTextIsEmbeddedOnceAlsoAcrossARestart() throws SQLException {
    // Given a cache that embedded two texts, one of them twice in the same call
    CountingEmbedder model = new CountingEmbedder("model-a");
    List<float[]> first = new EmbeddingCache(db, model).embedAll(List.of("thirty days", "ninety days", "thirty days"));
    assertThat(model.calls).hasValue(2);
    assertThat(first.get(0)).isEqualTo(first.get(2));

    // When a new cache over the same database (a restarted agent) is asked for them and one new text
    CountingEmbedder restarted = new CountingEmbedder("model-a");
    List<float[]> again = new EmbeddingCache(db, restarted).embedAll(List.of("ninety days", "thirty days", "new text"));

    // Then only the new text is embedded, and the cached vectors are the ones computed before
    assertThat(restarted.calls).hasValue(1);
    assertThat(again.get(0)).isEqualTo(first.get(1));
    assertThat(again.get(1)).isEqualTo(first.get(0));
    assertThat(again.get(2)).isEqualTo(new CountingEmbedder("x").embed("new text"));
  }

  @Test
  void anotherModelDoesNotReuseTheVectorsOfTheFirst() throws SQLException {
    // Given
    new EmbeddingCache(db, new CountingEmbedder("model-b")).embedAll(List.of("store hours"));
    // When
    CountingEmbedder other = new CountingEmbedder("model-c");
    new EmbeddingCache(db, other).embedAll(List.of("store hours"));
    // Then
    assertThat(other.calls).hasValue(1);
    assertThat(KbDatabase.count(db, "SELECT count(*) FROM kb.embedding_cache WHERE model IN ('model-b', 'model-c')"))
        .isEqualTo(2);
  }

  @Test
  void theKeyIsTheHashOfModelAndText() {
    EmbeddingCache cache = new EmbeddingCache(db, new CountingEmbedder("m"));
    assertThat(cache.hash("abc")).hasSize(64).isEqualTo(ContentHash.of("m", "abc"))
        .isNotEqualTo(ContentHash.of("ma", "bc")).isNotEqualTo(cache.hash("abd"));
  }
}
