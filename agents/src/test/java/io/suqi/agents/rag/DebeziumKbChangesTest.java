package io.suqi.agents.rag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Change events as the retail-cdc connector writes them for kb.documents (JSON, no schemas). */
class DebeziumKbChangesTest {

  private static final String KEY = "{\"doc_id\":\"acme:returns\"}";
  private static final String ROW = "{\"doc_id\":\"acme:returns\",\"tenant_id\":\"acme\",\"title\":\"Returns\","
      + "\"body\":\"Thirty days.\",\"source\":\"handbook\",\"updated_at\":\"2026-11-30T10:00:00.000000Z\"}";

  @ParameterizedTest
  @ValueSource(strings = {"c", "u", "r"})
  void anInsertUpdateOrSnapshotReadIsTheDocumentAsItNowIs(String op) {
    // When
    var change = DebeziumKbChanges.parse(KEY, "{\"before\":null,\"after\":" + ROW + ",\"op\":\"" + op + "\",\"ts_ms\":1}");
    // Then
    assertThat(change).contains(new DocumentChange.Upsert(new KbDocument("acme:returns", "acme", "Returns", "Thirty days.")));
  }

  @Test
  void aDeleteNamesTheDocumentByItsKeyColumns() {
    // Given replica identity default: before holds the primary key, the rest null
    String value = "{\"before\":{\"doc_id\":\"acme:returns\",\"tenant_id\":null,\"title\":null,\"body\":null},"
        + "\"after\":null,\"op\":\"d\",\"ts_ms\":1}";
    assertThat(DebeziumKbChanges.parse(KEY, value)).contains(new DocumentChange.Delete("acme:returns"));
  }

  @Test
  void aDeleteWithoutBeforeFallsBackToTheRecordKey() {
    assertThat(DebeziumKbChanges.parse(KEY, "{\"before\":null,\"after\":null,\"op\":\"d\"}"))
        .contains(new DocumentChange.Delete("acme:returns"));
  }

  @Test
  void theTombstoneAfterADeleteAndATruncateChangeNothing() {
    assertThat(DebeziumKbChanges.parse(KEY, null)).isEmpty();
    assertThat(DebeziumKbChanges.parse(null, "{\"op\":\"t\"}")).isEmpty();
  }

  @Test
  void somethingElseIsRefusedWithTheReason() {
    assertThatThrownBy(() -> DebeziumKbChanges.parse(KEY, "not json")).hasMessageContaining("not a change event");
    assertThatThrownBy(() -> DebeziumKbChanges.parse(KEY, "{\"op\":\"c\",\"after\":{\"doc_id\":\"x\"}}"))
        .hasMessageContaining("tenant_id");
  }
}
