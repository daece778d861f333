package io.suqi.agents.rag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo module's knowledge base as the demo loader writes it: every entry once per tenant,
 * doc_id {@code <tenant>:<slug>}, "{tenant}" replaced by the tenant's name (see demo's KnowledgeBase).
 */
final class DemoKnowledgeBase {

  static final String ACME = "acme-retail";
  static final String BODEGA = "bodega-co";

  private DemoKnowledgeBase() {}

  static List<KbDocument> documents() {
    List<KbDocument> documents = new ArrayList<>();
    for (String[] tenant : new String[][] {{ACME, "Acme Retail"}, {BODEGA, "Bodega Co"}}) {
      for (JsonNode entry : entries()) {
        documents.add(new KbDocument(tenant[0] + ":" + entry.path("slug").asText(), tenant[0],
            entry.path("title").asText().replace("{tenant}", tenant[1]),
            entry.path("body").asText().replace("{tenant}", tenant[1])));
      }
    }
    return documents;
  }

  private static JsonNode entries() {
    try (InputStream in = DemoKnowledgeBase.class.getResourceAsStream("/io/suqi/demo/knowledge-base.json")) {
      if (in == null) {
        throw new IllegalStateException("the demo knowledge base is not on the class path (suqi-demo, test scope)");
      }
      return new ObjectMapper().readTree(in).path("documents");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
