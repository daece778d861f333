package io.suqi.orchestrator.log;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.suqi.schemas.AgentType;
import io.suqi.schemas.OrchestrationEvent;
import io.suqi.schemas.QueryOutcome;
import io.suqi.schemas.Response;
import java.time.Instant;
import java.util.Locale;

/** Builds the events of suqi.orchestration-log: one per step, the last one with the question's outcome. */
public final class TraceEvents {

  private static final ObjectMapper JSON = new ObjectMapper();

  private TraceEvents() {}

  /** An empty detail object to fill with put(…); key order is kept, so traces read consistently. */
  public static ObjectNode detail() {
    return JSON.createObjectNode();
  }

  public static OrchestrationEvent step(String queryId, String tenantId, Step step, AgentType agent,
      Instant startedAt, long durationMs, ObjectNode detail) {
    return numbered(queryId, tenantId, step.number(), step.stepName(), agent, startedAt, durationMs, detail);
  }

  /** A step numbered by its place in a multi-step plan ({@link PlanTrace}). */
  public static OrchestrationEvent numbered(String queryId, String tenantId, int number, String name,
      AgentType agent, Instant startedAt, long durationMs, ObjectNode detail) {
    return OrchestrationEvent.newBuilder()
        .setQueryId(queryId)
        .setTenantId(tenantId)
        .setStepNumber(number)
        .setStepName(name)
        .setAgent(agent)
        .setStartedAt(startedAt)
        .setDurationMs(Math.max(0, durationMs))
        .setDetail(detail.toString())
        .setOutcome(null)
        .build();
  }

  /** The last step of a question, carrying the row of scout.ai_orchestration_log. */
  public static OrchestrationEvent finalStep(OrchestrationEvent step, Response response, long tokensUsed,
      double costUsd) {
    return OrchestrationEvent.newBuilder(step).setOutcome(outcome(response, tokensUsed, costUsd)).build();
  }

  static QueryOutcome outcome(Response response, long tokensUsed, double costUsd) {
    return QueryOutcome.newBuilder()
        .setIntent(response.getIntent())
        .setStatus(response.getStatus().name().toLowerCase(Locale.ROOT))
        .setResponseTimeMs(response.getLatencyMs())
        .setTokensUsed(tokensUsed)
        .setCostUsd(costUsd)
        .setCacheHit(response.getCacheHit())
        .build();
  }
}
