package io.suqi.agents.analytics;

/** What {@link QuestionParser} made of a question: a query, or why it could not map it. */
public sealed interface Interpretation {

  record Mapped(AnalyticsQuery query) implements Interpretation {}

  /** @param reason a phrase that completes "I can't answer that yet: …" */
  record Unmapped(String reason) implements Interpretation {}
}
