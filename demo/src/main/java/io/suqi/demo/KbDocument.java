package io.suqi.demo;

import java.time.Instant;

/** One generated row of kb.documents. */
record KbDocument(String docId, String tenantId, String title, String body, String source,
    Instant updatedAt) {}
