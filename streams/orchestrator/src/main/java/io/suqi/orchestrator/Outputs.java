package io.suqi.orchestrator;

import io.suqi.orchestrator.log.Step;
import io.suqi.schemas.AgentTask;
import io.suqi.schemas.AgentType;
import io.suqi.schemas.DeadLetter;
import io.suqi.schemas.OrchestrationEvent;
import io.suqi.schemas.Response;
import io.suqi.schemas.ResponseStep;
import java.time.Instant;
import java.util.Locale;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/** What the orchestrator's processors emit, each to the sink node of its topic. */
final class Outputs {

  static final String DEAD_LETTERS = "dead-letters";
  static final String RESPONSES = "responses";
  static final String RESPONSE_STEPS = "response-steps";
  static final String ORCHESTRATION_LOG = "orchestration-log";

  private final ProcessorContext<String, Object> context;

  Outputs(ProcessorContext<String, Object> context) {
    this.context = context;
  }

  void deadLetter(String key, DeadLetter deadLetter) {
    forward(key, deadLetter, deadLetter.getFailedAt(), DEAD_LETTERS);
  }

  void task(AgentTask task) {
    forward(task.getQueryId(), task, task.getIssuedAt(), taskSink(task.getAgent()));
  }

  /** One sink per agent's task topic, so every topic the orchestrator writes is known up front. */
  static String taskSink(AgentType agent) {
    return "tasks-" + agent.name().toLowerCase(Locale.ROOT);
  }

  void response(Response response) {
    forward(response.getQueryId(), response, response.getCompletedAt(), RESPONSES);
  }

  /** Streams a step of a question's progress to whoever waits for its answer. */
  void progress(String queryId, Step step, AgentType agent, String message, Instant at) {
    ResponseStep responseStep = ResponseStep.newBuilder()
        .setQueryId(queryId)
        .setStepNumber(step.number())
        .setStepName(step.stepName())
        .setAgent(agent)
        .setMessage(message)
        .setEmittedAt(at)
        .build();
    forward(queryId, responseStep, at, RESPONSE_STEPS);
  }

  /** A step of a multi-step plan's progress, built by the caller. */
  void progress(ResponseStep step) {
    forward(step.getQueryId(), step, step.getEmittedAt(), RESPONSE_STEPS);
  }

  void log(OrchestrationEvent event) {
    forward(event.getQueryId(), event, event.getStartedAt(), ORCHESTRATION_LOG);
  }

  private void forward(String key, Object value, Instant timestamp, String sink) {
    context.forward(new Record<>(key, value, timestamp.toEpochMilli()), sink);
  }
}
