package io.suqi.orchestrator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.suqi.orchestrator.assemble.PlanAnswer;
import io.suqi.orchestrator.cost.PriceTable;
import io.suqi.orchestrator.cost.TokenRule;
import io.suqi.orchestrator.log.AgentDetail;
import io.suqi.orchestrator.log.PlanTrace;
import io.suqi.orchestrator.log.Step;
import io.suqi.orchestrator.log.TraceEvents;
import io.suqi.orchestrator.plan.Plan;
import io.suqi.orchestrator.plan.PlanProgress;
import io.suqi.orchestrator.plan.PlanSettings;
import io.suqi.orchestrator.plan.PlanStep;
import io.suqi.orchestrator.plan.PlanText;
import io.suqi.orchestrator.plan.StepProgress;
import io.suqi.orchestrator.route.AgentTasks;
import io.suqi.orchestrator.route.PendingQuestion;
import io.suqi.orchestrator.route.PlanHandoff;
import io.suqi.orchestrator.route.Route;
import io.suqi.orchestrator.route.Router;
import io.suqi.schemas.AgentResult;
import io.suqi.schemas.AgentTask;
import io.suqi.schemas.AgentType;
import io.suqi.schemas.PlannedQuestion;
import io.suqi.schemas.Response;
import io.suqi.schemas.ResponseStatus;
import io.suqi.schemas.ResponseStep;
import io.suqi.schemas.StepStatus;
import io.suqi.schemas.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs multi-step plans over the pending-question store: every step whose dependencies have settled
 * is sent to its agent (independent steps at once), each step's result is joined as it arrives and
 * streamed as a ResponseStep, a step that does not answer within the step timeout is marked missing,
 * and once every step has settled the question gets one combined response. A result for a step that
 * is not waiting for one (it went missing, or was redelivered) is dropped, so no question is answered
 * twice. One instance per processor, on that processor's stores and outputs.
 */
final class PlanExecution {

  private static final Logger LOG = LoggerFactory.getLogger(PlanExecution.class);

  private final Router router;
  private final PlanSettings settings;
  private final PriceTable prices;
  private final Clock clock;
  private final Outputs outputs;
  private final KeyValueStore<String, PendingQuestion> pending;
  /** Query id → when the plan started, for every plan not yet answered. */
  private final KeyValueStore<String, Long> plansInFlight;
  private boolean indexed;

  PlanExecution(Router router, PlanSettings settings, PriceTable prices, Clock clock, Outputs outputs,
      KeyValueStore<String, PendingQuestion> pending, KeyValueStore<String, Long> plansInFlight) {
    this.router = router;
    this.settings = settings;
    this.prices = prices;
    this.clock = clock;
    this.outputs = outputs;
    this.pending = pending;
    this.plansInFlight = plansInFlight;
  }

  /** Starts a plan the router handed on: remembers it, then asks every step that depends on nothing. */
  void start(PlannedQuestion planned) {
    Instant started = clock.instant();
    String queryId = planned.getQueryId();
    Plan plan = PlanHandoff.planOf(planned);
    PendingQuestion pendingQuestion = PendingQuestion.planned(planned,
        PlanProgress.start(plan, planned.getPlatform(), planned.getContextLimit()));
    outputs.progress(progress(queryId, PlanTrace.PLAN, PlanTrace.PLAN_NAME, null, describe(plan), null, null, null,
        planned.getPlannedAt()));
    outputs.log(TraceEvents.numbered(queryId, planned.getTenantId(), PlanTrace.PLAN, PlanTrace.PLAN_NAME, null,
        planned.getPlannedAt(), QuestionProcessor.millis(started, clock.instant()),
        planDetail(plan, planned.getRouting().getDebug())));
    plansInFlight.put(queryId, planned.getPlannedAt().toEpochMilli());
    advance(queryId, pendingQuestion);
  }

  /** Joins a result to its step; the plan goes on (dependent steps) or is answered (all settled). */
  void onResult(String queryId, PendingQuestion question, AgentResult result) {
    Optional<StepProgress> step = question.plan().step(result.getStepNumber());
    if (step.isEmpty() || step.get().status() != StepStatus.ASKED || step.get().step().agent() != result.getAgent()) {
      LOG.info("dropping the {} result of {} step {}: that step is not waiting for one (late or redelivered)",
          name(result.getAgent()), queryId, result.getStepNumber());
      return;
    }
    Instant now = clock.instant();
    AgentResult metered = Assembly.metered(result, TokenRule.of(step.get().step().question()));
    outputs.answered(Assembly.tokensOf(queryId, question, metered.getTokensUsed(), now));
    StepProgress settled = step.get().answered(metered, now);
    settled(queryId, question, settled, metered);
    advance(queryId, question.withPlan(question.plan().with(settled)));
  }

  /**
   * Indexes the plans already pending when there is no index yet (state written by a version that kept
   * none): one scan of the pending questions, at the first timeout scan only.
   */
  private void indexPlansInFlight() {
    try (KeyValueIterator<String, Long> any = plansInFlight.all()) {
      if (any.hasNext()) {
        return;
      }
    }
    List<KeyValue<String, Long>> found = new ArrayList<>();
    try (KeyValueIterator<String, PendingQuestion> all = pending.all()) {
      all.forEachRemaining(entry -> {
        if (entry.value.planned()) {
          found.add(KeyValue.pair(entry.key, entry.value.routedAt().toEpochMilli()));
        }
      });
    }
    if (!found.isEmpty()) {
      plansInFlight.putAll(found);
      LOG.info("indexed {} multi-step plans still waiting for a step", found.size());
    }
  }

  /** Marks every step asked longer than the step timeout ago missing, and goes on with its plan. */
  void expireOverdue() {
    if (!indexed) {
      indexPlansInFlight();
      indexed = true;
    }
    Instant now = clock.instant();
    Duration timeout = settings.stepTimeout();
    List<KeyValue<String, PendingQuestion>> overdue = new ArrayList<>();
    List<String> answered = new ArrayList<>();
    // Only plans are scanned, not every pending question: while an agent is slow or down, thousands of
    // single-agent questions may wait, and reading each of them every second would stall the thread.
    // Collected first: the stores are changed only after the iterator is closed.
    try (KeyValueIterator<String, Long> inFlight = plansInFlight.all()) {
      inFlight.forEachRemaining(entry -> {
        PendingQuestion question = pending.get(entry.key);
        if (question == null || !question.planned()) {
          answered.add(entry.key);
        } else if (!question.plan().overdue(now, timeout).isEmpty()) {
          overdue.add(KeyValue.pair(entry.key, question));
        }
      });
    }
    answered.forEach(plansInFlight::delete);
    for (KeyValue<String, PendingQuestion> entry : overdue) {
      PendingQuestion question = entry.value;
      PlanProgress plan = question.plan();
      for (StepProgress step : plan.overdue(now, timeout)) {
        StepProgress missing = step.missing(now, timeout);
        plan = plan.with(missing);
        settled(entry.key, question, missing, null);
      }
      advance(entry.key, question.withPlan(plan));
    }
  }

  /**
   * Asks every step that is ready (its agent not deployed: settled as such at once, which may make
   * further steps ready), then answers if all have settled, else remembers where the plan stands.
   */
  private void advance(String queryId, PendingQuestion question) {
    PlanProgress plan = question.plan();
    List<AgentTask> tasks = new ArrayList<>();
    for (List<StepProgress> ready = plan.ready(); !ready.isEmpty(); ready = plan.ready()) {
      for (StepProgress step : ready) {
        Instant now = clock.instant();
        if (router.route(step.step().intent()) instanceof Route.ToAgent) {
          StepProgress asked = step.asked(now);
          plan = plan.with(asked);
          tasks.add(AgentTasks.forStep(queryId, question.tenantId(), plan, asked, now));
        } else {
          StepProgress notDeployed = step.notDeployed(now);
          plan = plan.with(notDeployed);
          settled(queryId, question, notDeployed, null);
        }
      }
    }
    PendingQuestion next = question.withPlan(plan);
    if (plan.complete()) {
      respond(queryId, next);
      pending.delete(queryId);
      plansInFlight.delete(queryId);
      return;
    }
    // Remembered before the tasks go out, so even an instant result finds its step asked.
    pending.put(queryId, next);
    for (AgentTask task : tasks) {
      outputs.task(task);
      StepProgress asked = plan.step(task.getStepNumber()).orElseThrow();
      String after = asked.step().dependsOn().isEmpty() ? ""
          : ", with the answer of step " + asked.step().dependsOn().stream().map(String::valueOf)
              .collect(Collectors.joining(" and "));
      outputs.progress(progress(queryId, PlanTrace.stepNumber(task.getStepNumber()), PlanTrace.ASKED_NAME,
          task.getAgent(), "Asked the " + name(task.getAgent()) + " agent (" + "step " + task.getStepNumber() + after
              + ")", task.getStepNumber(), StepStatus.ASKED, null, Instant.ofEpochMilli(task.getIssuedAt())));
    }
  }

  /** Streams and traces a step that settled: answered, failed, missing or not deployed. */
  private void settled(String queryId, PendingQuestion question, StepProgress step, AgentResult result) {
    int number = step.number();
    AgentType agent = step.step().agent();
    String message = step.status() == StepStatus.ANSWERED
        ? capitalised(PlanText.step(step.step())) + " answered"
        : capitalised(PlanAnswer.shortfall(step, settings.stepTimeout()));
    outputs.progress(progress(queryId, PlanTrace.stepNumber(number), PlanTrace.STEP_NAME, agent, message, number,
        step.status(), step.answer() == null ? null : step.answer().text(), step.settledAt()));
    Instant started = result != null ? result.getCompletedAt().minusMillis(result.getDurationMs())
        : step.askedAt() != null ? step.askedAt() : step.settledAt();
    ObjectNode detail = TraceEvents.detail()
        .put("plan_step", number)
        .put("status", name(step.status()))
        .put("tokens_used", step.tokensUsed())
        .put("error", step.error());
    ArrayNode dependsOn = detail.putArray("depends_on");
    step.step().dependsOn().forEach(dependsOn::add);
    if (step.askedAt() != null) {
      detail.put("task_topic", Topics.tasksFor(agent).name());
    }
    if (question.debug()) {
      detail.put("question", step.step().question());
      if (result != null) {
        detail.setAll(AgentDetail.of(result));
      }
    }
    outputs.log(TraceEvents.numbered(queryId, question.tenantId(), PlanTrace.stepNumber(number), PlanTrace.STEP_NAME,
        agent, started, result != null ? result.getDurationMs() : step.durationMs(), detail));
  }

  private void respond(String queryId, PendingQuestion question) {
    Instant now = clock.instant();
    List<StepProgress> steps = question.plan().steps();
    Response response = PlanAnswer.combined(queryId, question, settings.stepTimeout(), now);
    outputs.response(response);
    String message = response.getStatus() == ResponseStatus.ANSWERED
        ? "Answer assembled from " + steps.stream().map(s -> PlanText.step(s.step())).collect(Collectors.joining(", "))
        : response.getAnswer().getText().lines().findFirst().orElse("");
    int number = PlanTrace.respondNumber(steps.size());
    outputs.progress(progress(queryId, number, Step.RESPOND.stepName(), response.getAgent(), message, null, null, null,
        now));
    long tokens = steps.stream().mapToLong(StepProgress::tokensUsed).sum();
    double cost = steps.stream().mapToDouble(step -> prices.cost(step.step().agent(), step.tokensUsed())).sum();
    outputs.log(TraceEvents.finalStep(TraceEvents.numbered(queryId, question.tenantId(), number,
            Step.RESPOND.stepName(), response.getAgent(), now, QuestionProcessor.millis(now, clock.instant()),
            TraceEvents.detail()
                .put("status", name(response.getStatus()))
                .put("steps", steps.size())
                .put("rows", response.getAnswer().getRows().size())),
        response, tokens, cost));
  }

  private static String describe(Plan plan) {
    return "Planned " + plan.steps().size() + " steps: " + plan.steps().stream().map(step -> step.number() + " "
        + PlanText.agent(step.agent()) + (step.dependsOn().isEmpty() ? ""
            : " after " + step.dependsOn().stream().map(String::valueOf).collect(Collectors.joining(" and ")))
        + " (" + step.question() + ")").collect(Collectors.joining(", "));
  }

  private static ObjectNode planDetail(Plan plan, boolean debug) {
    ObjectNode detail = TraceEvents.detail();
    ArrayNode steps = detail.putArray("steps");
    for (PlanStep step : plan.steps()) {
      ObjectNode node = steps.addObject()
          .put("step", step.number())
          .put("agent", PlanText.agent(step.agent()))
          .put("intent", name(step.intent()))
          .put("confidence", Math.round(step.confidence() * 1000) / 1000.0);
      ArrayNode dependsOn = node.putArray("depends_on");
      step.dependsOn().forEach(dependsOn::add);
      if (debug) {
        node.put("question", step.question());
      }
    }
    return detail;
  }

  private static ResponseStep progress(String queryId, int number, String name, AgentType agent, String message,
      Integer planStep, StepStatus status, String text, Instant at) {
    return ResponseStep.newBuilder()
        .setQueryId(queryId)
        .setStepNumber(number)
        .setStepName(name)
        .setAgent(agent)
        .setMessage(message)
        .setEmittedAt(at)
        .setPlanStep(planStep)
        .setStatus(status)
        .setText(text)
        .build();
  }

  private static String capitalised(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private static String name(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
