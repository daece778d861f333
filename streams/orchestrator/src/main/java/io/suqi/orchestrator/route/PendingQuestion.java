package io.suqi.orchestrator.route;

import io.suqi.orchestrator.classify.Classification;
import io.suqi.schemas.AgentType;
import io.suqi.schemas.Intent;
import io.suqi.schemas.Question;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A question routed to an agent and waiting for its result: what the assembly step needs, kept in
 * the orchestrator's state store under the query id.
 *
 * @param userId the asking user, whose token quota the result is counted against; null if unknown
 * @param cacheKey where the answer is cached once it comes
 * @param debug whether the trace gets each step's full detail
 */
public record PendingQuestion(String tenantId, Intent intent, double confidence, AgentType agent,
    Instant submittedAt, Instant routedAt, String userId, String cacheKey, boolean debug) {

  public PendingQuestion {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(intent, "intent");
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(submittedAt, "submittedAt");
    Objects.requireNonNull(routedAt, "routedAt");
  }

  public static PendingQuestion of(Question question, Classification classification, AgentType agent,
      Instant routedAt, Optional<String> userId, String cacheKey, boolean debug) {
    return new PendingQuestion(question.getTenantId(), classification.intent(), classification.confidence(), agent,
        question.getSubmittedAt(), routedAt, userId.orElse(null), cacheKey, debug);
  }

  public Optional<String> user() {
    return Optional.ofNullable(userId);
  }
}
