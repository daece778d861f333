package io.suqi.orchestrator;

import io.suqi.orchestrator.assemble.ResponseAssembler;
import io.suqi.orchestrator.cost.PriceTable;
import io.suqi.orchestrator.cost.TokenRule;
import io.suqi.orchestrator.log.AgentDetail;
import io.suqi.orchestrator.log.RoutingSteps;
import io.suqi.orchestrator.log.Step;
import io.suqi.orchestrator.log.TraceEvents;
import io.suqi.orchestrator.plan.PlanSettings;
import io.suqi.orchestrator.route.PendingQuestion;
import io.suqi.orchestrator.route.Router;
import io.suqi.schemas.AgentResult;
import io.suqi.schemas.AgentTask;
import io.suqi.schemas.AnsweredQuestion;
import io.suqi.schemas.CacheFill;
import io.suqi.schemas.PlannedQuestion;
import io.suqi.schemas.Response;
import io.suqi.schemas.Routing;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The assembler's work on the stores of one task: a question the router handed on is remembered as
 * pending (and its routing steps logged and streamed); an agent's result is assembled into the response
 * of its pending question, its tokens and answer sent back to the router (suqi.answered), then the
 * question is forgotten; plans are run by {@link PlanExecution}.
 *
 * <p>The router commits a task at its commit interval, but an agent reads it at once, so its result
 * usually comes before the committed task. The result carries the task's routing (echoed by the
 * agent), and is answered at once; the task, when it comes, finds its question answered. A result
 * without routing (an agent that does not echo it) waits in the early-results store for its task.
 * Each answered question is remembered for {@link #ANSWERED_RETENTION}, so a redelivered result
 * does not answer it twice.
 */
final class Assembly {

  private static final Logger LOG = LoggerFactory.getLogger(Assembly.class);

  /** How long a result waits for its task before it is taken for a redelivery and dropped. */
  static final Duration EARLY_RESULT_RETENTION = Duration.ofMinutes(10);
  /** How long an answered question is remembered, so a redelivered result is dropped. */
  static final Duration ANSWERED_RETENTION = Duration.ofHours(1);
  /** Answers are stamped by the wall clock, which an instance may have stepped back since. */
  private static final Duration CLOCK_SLACK = Duration.ofMinutes(1);

  private final PriceTable prices;
  private final Clock clock;
  private final Outputs outputs;
  private final KeyValueStore<String, PendingQuestion> pending;
  private final KeyValueStore<String, AgentResult> earlyResults;
  private final WindowStore<String, Long> answered;
  private final PlanExecution plans;

  private Assembly(Router router, PlanSettings planSettings, PriceTable prices, Clock clock, Outputs outputs,
      KeyValueStore<String, PendingQuestion> pending, KeyValueStore<String, Long> plansInFlight,
      KeyValueStore<String, AgentResult> earlyResults, WindowStore<String, Long> answered) {
    this.prices = prices;
    this.clock = clock;
    this.outputs = outputs;
    this.pending = pending;
    this.earlyResults = earlyResults;
    this.answered = answered;
    this.plans = new PlanExecution(router, planSettings, prices, clock, outputs, pending, plansInFlight);
  }

  /** What the assembler is built of; the same for each of its inputs. */
  record Settings(Router router, PlanSettings plans, PriceTable prices, Clock clock) {}

  /** The assembly on the stores of the calling processor's task, writing to its assembler outputs. */
  static Assembly connect(ProcessorContext<String, Object> context, Settings settings) {
    return new Assembly(settings.router(), settings.plans(), settings.prices(), settings.clock(),
        new Outputs(context, Outputs.ASSEMBLER),
        context.getStateStore(OrchestratorTopology.PENDING_QUESTIONS),
        context.getStateStore(OrchestratorTopology.PLANS_IN_FLIGHT),
        context.getStateStore(OrchestratorTopology.EARLY_RESULTS),
        context.getStateStore(OrchestratorTopology.ANSWERED_QUESTIONS));
  }

  /** The store of answered questions: a window store, so old entries go by whole segments. */
  static StoreBuilder<WindowStore<String, Long>> answeredStore() {
    return Stores.windowStoreBuilder(Stores.persistentWindowStore(OrchestratorTopology.ANSWERED_QUESTIONS,
        ANSWERED_RETENTION, Duration.ofMillis(1), false), Serdes.String(), Serdes.Long());
  }

  /** A task the router sent: its routing steps are logged and streamed, its question waits for the result. */
  void register(AgentTask task) {
    Routing routing = task.getRouting();
    String queryId = task.getQueryId();
    if (routing == null) {
      return;   // a plan step's task, sent by the assembler itself
    }
    if (wasAnswered(queryId)) {
      return;   // answered already, from the routing its result echoed: its steps were written then
    }
    writeRoutingSteps(new RoutingSteps(queryId, task.getTenantId(), task.getAgent(), true, routing));
    PendingQuestion question = PendingQuestion.of(task.getTenantId(), task.getAgent(), routing);
    AgentResult early = earlyResults.get(queryId);
    if (early != null) {
      earlyResults.delete(queryId);
      answer(queryId, question, early);
    } else {
      pending.put(queryId, question);
    }
  }

  void startPlan(PlannedQuestion planned) {
    writeRoutingSteps(new RoutingSteps(planned.getQueryId(), planned.getTenantId(), null, false,
        planned.getRouting()));
    plans.start(planned);
  }

  void onResult(AgentResult result) {
    String queryId = result.getQueryId();
    if (wasAnswered(queryId)) {
      LOG.info("dropping a {} result for {}: the question was answered already (a redelivery)",
          result.getAgent().name().toLowerCase(Locale.ROOT), queryId);
      return;
    }
    PendingQuestion question = pending.get(queryId);
    if (question != null && question.planned()) {
      plans.onResult(queryId, question, result);
    } else if (question != null) {
      pending.delete(queryId);
      answer(queryId, question, result);
    } else if (result.getRouting() != null) {
      // Before its task was committed: the routing the agent echoed is the task's.
      writeRoutingSteps(new RoutingSteps(queryId, result.getTenantId(), result.getAgent(), true,
          result.getRouting()));
      answer(queryId, PendingQuestion.of(result.getTenantId(), result.getAgent(), result.getRouting()), result);
    } else {
      LOG.debug("keeping a result for {}: no question is waiting for it yet", queryId);
      earlyResults.put(queryId, result);
    }
  }

  /** The routing steps of a question the router handed on (so admitted: no rejection). */
  private void writeRoutingSteps(RoutingSteps steps) {
    steps.write(null, outputs::log, outputs::progress);
  }

  private boolean wasAnswered(String queryId) {
    Instant now = clock.instant();
    try (WindowStoreIterator<Long> found = answered.fetch(queryId, now.minus(ANSWERED_RETENTION), now.plus(CLOCK_SLACK))) {
      return found.hasNext();
    }
  }

  private void answer(String queryId, PendingQuestion question, AgentResult result) {
    result = metered(result, question.questionTokens());
    outputs.log(TraceEvents.step(queryId, question.tenantId(), Step.AGENT, result.getAgent(),
        result.getCompletedAt().minusMillis(result.getDurationMs()), result.getDurationMs(), TraceEvents.detail()
            .put("status", result.getStatus().name().toLowerCase(Locale.ROOT))
            .put("tokens_used", result.getTokensUsed())
            .put("error", result.getError())
            .setAll(question.debug() ? AgentDetail.of(result) : TraceEvents.detail())));

    Instant assembleStart = clock.instant();
    answered.put(queryId, assembleStart.toEpochMilli(), assembleStart.toEpochMilli());
    Response response = ResponseAssembler.answered(question, result, assembleStart);
    AnsweredQuestion kept = tokensOf(queryId, question, result.getTokensUsed(), assembleStart);
    if (question.cacheKey() != null) {
      kept.setCacheFill(CacheFill.newBuilder()
          .setCacheKey(question.cacheKey())
          .setComputedAt(question.routedAt())
          .setResponse(response)
          .build());
    }
    outputs.answered(kept);
    outputs.response(response);
    String agent = result.getAgent().name().toLowerCase(Locale.ROOT);
    outputs.progress(queryId, Step.RESPOND, result.getAgent(), "Answer assembled from the " + agent + " agent",
        response.getCompletedAt());
    outputs.log(TraceEvents.finalStep(TraceEvents.step(queryId, question.tenantId(), Step.RESPOND,
            result.getAgent(), assembleStart, QuestionProcessor.millis(assembleStart, clock.instant()),
            TraceEvents.detail()
                .put("status", response.getStatus().name().toLowerCase(Locale.ROOT))
                .put("rows", response.getAnswer().getRows().size())),
        response, result.getTokensUsed(), prices.cost(result.getAgent(), result.getTokensUsed())));
  }

  /** Marks overdue plan steps missing (see {@link PlanExecution#expireOverdue}). */
  void expireOverdue() {
    plans.expireOverdue();
  }

  /** Drops the results that waited longer than {@link #EARLY_RESULT_RETENTION} for a task. */
  void dropStaleEarlyResults() {
    Instant oldest = clock.instant().minus(EARLY_RESULT_RETENTION);
    List<String> stale = new ArrayList<>();
    try (KeyValueIterator<String, AgentResult> all = earlyResults.all()) {
      all.forEachRemaining(entry -> {
        if (entry.value.getCompletedAt().isBefore(oldest)) {
          stale.add(entry.key);
        }
      });
    }
    stale.forEach(earlyResults::delete);
    if (!stale.isEmpty()) {
      LOG.info("dropped {} agent results no question was waiting for (answered already, or redelivered)",
          stale.size());
    }
  }

  /** What the router counts against the asker's quotas for an answer (and caches, once set). */
  static AnsweredQuestion tokensOf(String queryId, PendingQuestion question, long tokens, Instant at) {
    return AnsweredQuestion.newBuilder()
        .setQueryId(queryId)
        .setTenantId(question.tenantId())
        .setUserId(question.userId())
        .setTokensUsed(tokens)
        .setAnsweredAt(at)
        .setCacheFill(null)
        .build();
  }

  /** The result with its step's tokens ({@link TokenRule}): the agent's own count, or the rule's. */
  static AgentResult metered(AgentResult result, long questionTokens) {
    if (result.getTokensUsed() > 0) {
      return result;
    }
    return AgentResult.newBuilder(result).setTokensUsed(TokenRule.ofStep(questionTokens, result)).build();
  }
}
