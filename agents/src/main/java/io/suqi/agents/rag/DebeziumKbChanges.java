package io.suqi.agents.rag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;

/**
 * Reads the retail-cdc connector's change events of kb.documents (JSON without schemas:
 * {@code {"before", "after", "op", …}}, key {@code {"doc_id"}}). c, u and r (snapshot) carry the
 * row; d carries the key only (replica identity default); a tombstone after a delete carries
 * nothing and means nothing here.
 */
public final class DebeziumKbChanges {

  private static final ObjectMapper JSON = new ObjectMapper();

  private DebeziumKbChanges() {}

  /** The change, or empty for a tombstone or an event that changes no document (e.g. truncate). */
  public static Optional<DocumentChange> parse(String key, String value) {
    if (value == null) {
      return Optional.empty();
    }
    JsonNode event;
    try {
      event = JSON.readTree(value);
    } catch (IOException e) {
      throw new IllegalArgumentException("not a change event of kb.documents: " + e.getMessage(), e);
    }
    String op = event.path("op").asText("");
    switch (op) {
      case "c", "u", "r" -> {
        JsonNode after = event.path("after");
        return Optional.of(new DocumentChange.Upsert(new KbDocument(required(after, "doc_id"),
            required(after, "tenant_id"), after.path("title").asText(""), after.path("body").asText(""))));
      }
      case "d" -> {
        String docId = event.path("before").path("doc_id").asText(null);
        if (docId == null && key != null) {
          try {
            docId = JSON.readTree(key).path("doc_id").asText(null);
          } catch (IOException e) {
            docId = null;
          }
        }
        if (docId == null) {
          throw new IllegalArgumentException("a delete of kb.documents without its doc_id");
        }
        return Optional.of(new DocumentChange.Delete(docId));
      }
      default -> {
        return Optional.empty();
      }
    }
  }

  private static String required(JsonNode row, String field) {
    JsonNode value = row.get(field);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("a change of kb.documents without " + field);
    }
    return value.asText();
  }
}
