package io.suqi.orchestrator.route;

import io.suqi.orchestrator.cost.TokenRule;
import io.suqi.orchestrator.plan.PlanProgress;
import io.suqi.schemas.AgentType;
import io.suqi.schemas.Intent;
import io.suqi.schemas.PlannedQuestion;
import io.suqi.schemas.Routing;
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
 * @param plan the steps of a multi-step plan and where each stands; null for a question sent to
 *     one agent as a whole (then {@code agent} is that agent; in a plan, the first step's)
 * @param questionTokens the question's tokens ({@link TokenRule}), for its one agent's step; 0 in a plan,
 *     whose steps count their own
 */
public record PendingQuestion(String tenantId, Intent intent, double confidence, AgentType agent,
    Instant submittedAt, Instant routedAt, String userId, String cacheKey, boolean debug, PlanProgress plan,
    long questionTokens) {

  public PendingQuestion {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(intent, "intent");
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(submittedAt, "submittedAt");
    Objects.requireNonNull(routedAt, "routedAt");
  }

  /** A question sent to one agent as a whole. */
  public PendingQuestion(String tenantId, Intent intent, double confidence, AgentType agent, Instant submittedAt,
      Instant routedAt, String userId, String cacheKey, boolean debug) {
    this(tenantId, intent, confidence, agent, submittedAt, routedAt, userId, cacheKey, debug, null, 0);
  }

  /** A question the router sent to {@code agent} as a whole, as its routing describes it. */
  public static PendingQuestion of(String tenantId, AgentType agent, Routing routing) {
    return new PendingQuestion(tenantId, routing.getIntent(), routing.getConfidence(), agent,
        Instant.ofEpochMilli(routing.getSubmittedAt()), Instant.ofEpochMilli(routing.getRoutedAt()),
        routing.getUserId(), routing.getCacheKey(), routing.getDebug(), null, routing.getQuestionTokens());
  }

  /** A multi-step plan, not cached (each step's data changes on its own). */
  public static PendingQuestion planned(PlannedQuestion planned, PlanProgress plan) {
    Routing routing = planned.getRouting();
    return new PendingQuestion(planned.getTenantId(), planned.getIntent(), planned.getConfidence(),
        planned.getSteps().get(0).getAgent(), Instant.ofEpochMilli(routing.getSubmittedAt()), planned.getPlannedAt(),
        routing.getUserId(), null, routing.getDebug(), Objects.requireNonNull(plan, "plan"), 0);
  }

  public boolean planned() {
    return plan != null;
  }

  public PendingQuestion withPlan(PlanProgress progress) {
    return new PendingQuestion(tenantId, intent, confidence, agent, submittedAt, routedAt, userId, cacheKey, debug,
        Objects.requireNonNull(progress, "progress"), questionTokens);
  }

  public Optional<String> user() {
    return Optional.ofNullable(userId);
  }
}
