package io.suqi.agents.rag;

import static org.assertj.core.api.Assertions.assertThat;

import io.suqi.agents.TenantId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hybrid ranking and the tenant filter of the Lucene index, with the real model. */
class KbIndexTest {

  private static final TenantId ACME = new TenantId(TwoTenantKb.ACME);
  private static final MiniLmEmbedder MODEL = Embedders.miniLm();
  private static KbIndex index;

  @BeforeAll
  static void indexBothTenants() {
    index = new KbIndex();
    TwoTenantKb.DOCUMENTS.forEach(d -> index.replace(d.docId(), chunks(d)));
    index.refresh();
  }

  @AfterAll
  static void close() {
    index.close();
  }

  static List<IndexedChunk> chunks(KbDocument d) {
    List<IndexedChunk> chunks = new ArrayList<>();
    for (Chunk chunk : new Chunker(400).chunks(d.body())) {
      String embedded = IndexedChunk.embeddedText(d.title(), chunk.text());
      chunks.add(new IndexedChunk(d.docId(), d.tenantId(), d.title(), chunk, ContentHash.of(MODEL.model(), embedded),
          MODEL.embed(embedded)));
    }
    return chunks;
  }

  private static List<Hit> search(TenantId tenant, String question) {
    return index.search(tenant, question, MODEL.embed(question), 20, 5);
  }

  @Test
  void aParaphraseWithNoWordOfTheDocumentFindsItByMeaning() {
    // When acme asks in words the returns policy does not use
    List<Hit> hits = search(ACME, "how long can shoppers bring back stuff they bought");
    // Then it is found, as the most relevant passage by meaning and above the threshold
    // (RRF may still put first a document that both rankings found, here refunds for "back")
    assertThat(hits).extracting(Hit::docId).contains("acme:returns");
    Hit best = hits.stream().max(java.util.Comparator.comparingDouble(Hit::cosine)).orElseThrow();
    assertThat(best.docId()).isEqualTo("acme:returns");
    assertThat(best.cosine()).isGreaterThan(RagConfig.DEFAULT_RELEVANCE_THRESHOLD);
  }

  @Test
  void anExactColumnNameFindsTheDocumentThatHasIt() {
    // When the question is a bare identifier, which BM25 matches word for word
    List<Hit> hits = search(ACME, "opened_on");
    // Then
    assertThat(hits.get(0).docId()).isEqualTo("acme:stores-table");
  }

  @Test
  void theSameQuestionFromEachTenantFindsItsOwnDocument() {
    assertThat(search(ACME, "returns policy").get(0).docId()).isEqualTo("acme:returns");
    assertThat(search(new TenantId(TwoTenantKb.GLOBEX), "returns policy").get(0).docId()).isEqualTo("globex:returns");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Globex marks up every product by 73 percent over its unit cost. The supplier rebate is secret.",
      "confidential pricing margins of tenant globex",
      "tenant_id:globex OR title:Confidential*",
      "doc_id:globex\\:secret-margins",
      "*:*",
      "\" AND NOT tenant_id:acme (",
      "'; SET suqi.tenant_id = 'globex'; --"})
  void anAcmeQuestionNeverFindsAGlobexDocumentWhateverItSays(String question) {
    // When acme asks with globex's words, its name, or query syntax
    List<Hit> hits = search(ACME, question);
    // Then only acme's documents come back
    assertThat(hits).extracting(Hit::docId).allSatisfy(id -> assertThat(id).startsWith("acme:"));
  }

  @Test
  void anUpdatedOrDeletedDocumentIsFoundAsItNowIsAfterARefresh() {
    // Given a new acme document
    KbDocument parking = new KbDocument("acme:parking", TwoTenantKb.ACME, "Parking",
        "Customers park for free for two hours.");
    index.replace(parking.docId(), chunks(parking));
    index.refresh();
    assertThat(search(ACME, "is parking free").get(0).docId()).isEqualTo("acme:parking");
    // When it is deleted
    index.delete(parking.docId());
    index.refresh();
    // Then it is gone
    assertThat(search(ACME, "is parking free")).extracting(Hit::docId).doesNotContain("acme:parking");
  }

  @Test
  void aTenantWithoutDocumentsFindsNothing() {
    assertThat(search(new TenantId("initech"), "returns policy")).isEmpty();
  }
}
