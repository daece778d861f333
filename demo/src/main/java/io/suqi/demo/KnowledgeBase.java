package io.suqi.demo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The knowledge-base documents (policies, how-tos, glossary, data dictionary) every tenant gets,
 * read from a resource. "{tenant}" in a title or body becomes the tenant's display name.
 */
final class KnowledgeBase {

  private static final String RESOURCE = "knowledge-base.json";
  private static final String TENANT_PLACEHOLDER = "{tenant}";
  private static final int MAX_AGE_DAYS = 365;

  record Entry(String slug, String source, String title, String body) {}

  record Resource(List<Entry> documents) {}

  private final List<Entry> entries;

  private KnowledgeBase(List<Entry> entries) {
    this.entries = entries;
  }

  static KnowledgeBase load() {
    try (InputStream in = KnowledgeBase.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return new KnowledgeBase(new ObjectMapper()
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
          .readValue(in, Resource.class).documents());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  List<Entry> entries() {
    return entries;
  }

  /** One copy of every entry per tenant, last updated on some day before today. */
  List<KbDocument> documentsFor(List<DemoTenant> tenants, LoadWindow window, SplittableRandom random) {
    List<KbDocument> documents = new ArrayList<>();
    for (DemoTenant tenant : tenants) {
      for (Entry entry : entries) {
        Instant updatedAt = window.today().minusDays(1 + random.nextInt(MAX_AGE_DAYS))
            .atTime(8, 0).toInstant(ZoneOffset.UTC).plusSeconds(random.nextInt(10 * 3600));
        documents.add(new KbDocument(tenant.id() + ":" + entry.slug(), tenant.id(),
            entry.title().replace(TENANT_PLACEHOLDER, tenant.name()),
            entry.body().replace(TENANT_PLACEHOLDER, tenant.name()), entry.source(), updatedAt));
      }
    }
    return documents;
  }
}
