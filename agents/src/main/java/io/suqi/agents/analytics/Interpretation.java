package io.suqi.agents.analytics;

import io.suqi.agents.analytics.semantic.SemanticQuery;

/** What {@link QuestionParser} made of a question: a query, or why it could not map it. */
public sealed interface Interpretation {

  record Mapped(SemanticQuery query) implements Interpretation {}

  /** @param reason a phrase that completes "I can't answer that yet: …" */
  record Unmapped(String reason) implements Interpretation {}
}
