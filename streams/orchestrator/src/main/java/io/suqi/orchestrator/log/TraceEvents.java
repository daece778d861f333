package io.suqi.orchestrator.log;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.suqi.schemas.AgentType;
import io.suqi.schemas.OrchestrationEvent;
import io.suqi.schemas.QueryOutcome;
import io.suqi.schemas.Response;
import io.suqi.schemas.TraceStep;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds the events of suqi.orchestration-log: a step each, the last one with the question's outcome;
 * the steps a processor takes in one go travel as one record ({@link #combined}), read back one by one
 * with {@link #steps}.
 */
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

  /**
   * The steps of one question, in order, as one record: the first in the top-level fields, the rest in
   * following_steps; the outcome of the last step, if any, becomes the record's. Only the last step
   * may carry an outcome.
   */
  public static OrchestrationEvent combined(List<OrchestrationEvent> steps) {
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("no steps to combine");
    }
    OrchestrationEvent first = steps.get(0);
    if (steps.size() == 1) {
      return first;
    }
    List<TraceStep> following = new ArrayList<>(steps.size() - 1);
    for (int i = 1; i < steps.size(); i++) {
      OrchestrationEvent step = steps.get(i);
      if (!step.getQueryId().equals(first.getQueryId())) {
        throw new IllegalArgumentException("steps of " + step.getQueryId() + " and " + first.getQueryId()
            + " cannot share a record");
      }
      if (steps.get(i - 1).getOutcome() != null) {
        throw new IllegalArgumentException("step " + steps.get(i - 1).getStepName() + " of " + first.getQueryId()
            + " carries the outcome but is not the last");
      }
      following.add(TraceStep.newBuilder()
          .setStepNumber(step.getStepNumber())
          .setStepName(step.getStepName())
          .setAgent(step.getAgent())
          .setStartedAt(step.getStartedAt())
          .setDurationMs(step.getDurationMs())
          .setDetail(step.getDetail())
          .build());
    }
    return OrchestrationEvent.newBuilder(first)
        .setOutcome(steps.get(steps.size() - 1).getOutcome())
        .setFollowingSteps(following)
        .build();
  }

  /** The steps a record holds, one event each, in order; the record's outcome goes with the last. */
  public static List<OrchestrationEvent> steps(OrchestrationEvent record) {
    if (record.getFollowingSteps().isEmpty()) {
      return List.of(record);
    }
    List<OrchestrationEvent> steps = new ArrayList<>(record.getFollowingSteps().size() + 1);
    steps.add(OrchestrationEvent.newBuilder(record).setOutcome(null).setFollowingSteps(List.of()).build());
    for (TraceStep step : record.getFollowingSteps()) {
      steps.add(OrchestrationEvent.newBuilder()
          .setQueryId(record.getQueryId())
          .setTenantId(record.getTenantId())
          .setStepNumber(step.getStepNumber())
          .setStepName(step.getStepName())
          .setAgent(step.getAgent())
          .setStartedAt(step.getStartedAt())
          .setDurationMs(step.getDurationMs())
          .setDetail(step.getDetail())
          .setOutcome(null)
          .setFollowingSteps(List.of())
          .build());
    }
    int last = steps.size() - 1;
    steps.set(last, OrchestrationEvent.newBuilder(steps.get(last)).setOutcome(record.getOutcome()).build());
    return steps;
  }

  /** The steps of all records, in order. */
  public static List<OrchestrationEvent> steps(List<OrchestrationEvent> records) {
    List<OrchestrationEvent> steps = new ArrayList<>();
    for (OrchestrationEvent record : records) {
      steps.addAll(steps(record));
    }
    return steps;
  }
}
