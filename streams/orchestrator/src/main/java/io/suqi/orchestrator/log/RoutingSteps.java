package io.suqi.orchestrator.log;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.suqi.schemas.AgentType;
import io.suqi.schemas.OrchestrationEvent;
import io.suqi.schemas.ResponseStep;
import io.suqi.schemas.Routing;
import io.suqi.schemas.Topics;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The routing steps of a question (classify, gate, cache, route) as log events and progress steps,
 * built from the facts the router measured ({@link Routing}). The router builds them itself for a
 * question it answers at once; for a question it hands on, the assembler builds them, so routing
 * costs the router only the facts.
 *
 * @param agent the one agent the question is for (looked up in the cache for it); null for a plan, or a
 *     question answered before the cache
 * @param routed whether the question was sent to that agent (else it was answered from the cache)
 */
public record RoutingSteps(String queryId, String tenantId, AgentType agent, boolean routed, Routing routing) {

  /** Why the gates turned the question away: reason and message; null when they admitted it. */
  public record Rejection(String reason, String message) {}

  /** Writes the log events, then the progress steps. */
  public void write(Rejection rejection, Consumer<OrchestrationEvent> log, Consumer<ResponseStep> progress) {
    log(rejection, log);
    progress(progress);
  }

  /** The log events: classify, gate, then cache (if looked up) and route (if sent to one agent). */
  private void log(Rejection rejection, Consumer<OrchestrationEvent> log) {
    ObjectNode classify = TraceEvents.detail()
        .put("intent", name(routing.getIntent()))
        .put("confidence", Math.round(routing.getConfidence() * 1000) / 1000.0);
    List<String> signs = routing.getInjectionSigns();
    if (!signs.isEmpty()) {
      signs.forEach(classify.putArray("injection_signs")::add);
    }
    if (routing.getDebug()) {
      classify.put("question", routing.getQuestion()).put("platform", routing.getPlatform())
          .put("user", routing.getAskedUser()).put("context_limit", routing.getContextLimit());
    }
    log.accept(step(Step.CLASSIFY, null, routing.getClassifyStartedAt(), routing.getClassifiedAt(), classify));

    ObjectNode gate = TraceEvents.detail().put("verdict", rejection == null ? "admitted" : "rejected");
    if (rejection != null) {
      gate.put("reason", rejection.reason()).put("message", rejection.message());
    }
    // Who was let in or turned away, from where: the audit trail the security agent answers from.
    if (routing.getRole() != null) {
      gate.put("user", routing.getUserId()).put("role", routing.getRole());
    }
    gate.put("platform", routing.getPlatform());
    log.accept(step(Step.GATE, null, routing.getGateStartedAt(), routing.getGatedAt(), gate));

    if (routing.getCacheStartedAt() != null) {
      log.accept(step(Step.CACHE, agent, routing.getCacheStartedAt(), routing.getCacheLookedAt(),
          TraceEvents.detail().put("hit", !routed)));
    }
    if (routed) {
      log.accept(step(Step.ROUTE, agent, routing.getRoutedAt(), routing.getRoutedAt(),
          TraceEvents.detail().put("task_topic", Topics.tasksFor(agent).name())));
    }
  }

  /** The progress steps: the classification, and the agent asked (if sent to one). */
  private void progress(Consumer<ResponseStep> progress) {
    progress.accept(progressStep(Step.CLASSIFY, null, "Understood as " + name(routing.getIntent()) + " (confidence "
        + twoDecimals(routing.getConfidence()) + ")", routing.getClassifiedAt()));
    if (routed) {
      progress.accept(progressStep(Step.ROUTE, agent, "Asked the " + name(agent) + " agent", routing.getRoutedAt()));
    }
  }

  /** @param fromMillis and {@code toMillis}: when the step started and ended, in epoch milliseconds */
  private OrchestrationEvent step(Step step, AgentType agent, long fromMillis, long toMillis, ObjectNode detail) {
    return TraceEvents.step(queryId, tenantId, step, agent, Instant.ofEpochMilli(fromMillis),
        Math.max(0, toMillis - fromMillis), detail);
  }

  private ResponseStep progressStep(Step step, AgentType agent, String message, long atMillis) {
    return progressStep(queryId, step, agent, message, Instant.ofEpochMilli(atMillis));
  }

  /** A step of a question's progress, as streamed on suqi.response-steps. */
  public static ResponseStep progressStep(String queryId, Step step, AgentType agent, String message, Instant at) {
    return ResponseStep.newBuilder()
        .setQueryId(queryId)
        .setStepNumber(step.number())
        .setStepName(step.stepName())
        .setAgent(agent)
        .setMessage(message)
        .setEmittedAt(at)
        .build();
  }

  /** "0.87": as String.format("%.2f") would print it, without a Formatter per question. */
  static String twoDecimals(double value) {
    return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).toPlainString();
  }

  private static String name(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
