package io.suqi.agents.rag;

import java.util.Objects;

/** A row of kb.documents, as far as answering needs it. */
public record KbDocument(String docId, String tenantId, String title, String body) {

  public KbDocument {
    Objects.requireNonNull(docId, "docId");
    Objects.requireNonNull(tenantId, "tenantId");
    title = title == null ? "" : title;
    body = body == null ? "" : body;
  }
}
