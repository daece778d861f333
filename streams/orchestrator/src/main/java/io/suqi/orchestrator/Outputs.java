package io.suqi.orchestrator;

import io.suqi.orchestrator.log.RoutingSteps;
import io.suqi.orchestrator.log.Step;
import io.suqi.schemas.AgentTask;
import io.suqi.schemas.AgentType;
import io.suqi.schemas.AnsweredQuestion;
import io.suqi.schemas.DeadLetter;
import io.suqi.schemas.OrchestrationEvent;
import io.suqi.schemas.PlannedQuestion;
import io.suqi.schemas.Response;
import io.suqi.schemas.ResponseStep;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * What the orchestrator's processors emit, each to the sink node of its topic. The router and the
 * assembler both write tasks, responses, steps and the log: each through sinks of its own, named
 * with its prefix, so both fit in one topology too.
 */
final class Outputs {

  static final String ROUTER = "router-";
  static final String ASSEMBLER = "assembler-";

  static final String DEAD_LETTERS = "dead-letters";
  static final String PLANS = "plans";
  static final String ANSWERED = "answered";
  static final String RESPONSES = "responses";
  static final String RESPONSE_STEPS = "response-steps";
  static final String ORCHESTRATION_LOG = "orchestration-log";

  private final ProcessorContext<String, Object> context;
  // The sinks' names, built once: a name built per record was a tenth of the router's allocations.
  private final Map<AgentType, String> taskSinks = new EnumMap<>(AgentType.class);
  private final String deadLetters;
  private final String plans;
  private final String answered;
  private final String responses;
  private final String responseSteps;
  private final String orchestrationLog;

  /** @param side {@link #ROUTER} or {@link #ASSEMBLER}: whose sinks to write to */
  Outputs(ProcessorContext<String, Object> context, String side) {
    this.context = context;
    for (AgentType agent : AgentType.values()) {
      taskSinks.put(agent, side + taskSink(agent));
    }
    this.deadLetters = side + DEAD_LETTERS;
    this.plans = side + PLANS;
    this.answered = side + ANSWERED;
    this.responses = side + RESPONSES;
    this.responseSteps = side + RESPONSE_STEPS;
    this.orchestrationLog = side + ORCHESTRATION_LOG;
  }

  void deadLetter(String key, DeadLetter deadLetter) {
    forward(key, deadLetter, deadLetter.getFailedAt(), deadLetters);
  }

  void task(AgentTask task) {
    forward(task.getQueryId(), task, Instant.ofEpochMilli(task.getIssuedAt()), taskSinks.get(task.getAgent()));
  }

  /** One sink per agent's task topic, so every topic the orchestrator writes is known up front. */
  static String taskSink(AgentType agent) {
    return "tasks-" + agent.name().toLowerCase(Locale.ROOT);
  }

  void plan(PlannedQuestion plan) {
    forward(plan.getQueryId(), plan, plan.getPlannedAt(), plans);
  }

  void answered(AnsweredQuestion answered) {
    forward(answered.getQueryId(), answered, answered.getAnsweredAt(), this.answered);
  }

  void response(Response response) {
    forward(response.getQueryId(), response, response.getCompletedAt(), responses);
  }

  /** Streams a step of a question's progress to whoever waits for its answer. */
  void progress(String queryId, Step step, AgentType agent, String message, Instant at) {
    progress(RoutingSteps.progressStep(queryId, step, agent, message, at));
  }

  /** A step of a question's progress, built by the caller. */
  void progress(ResponseStep step) {
    forward(step.getQueryId(), step, step.getEmittedAt(), responseSteps);
  }

  void log(OrchestrationEvent event) {
    forward(event.getQueryId(), event, event.getStartedAt(), orchestrationLog);
  }

  private void forward(String key, Object value, Instant timestamp, String sink) {
    context.forward(new Record<>(key, value, timestamp.toEpochMilli()), sink);
  }
}
