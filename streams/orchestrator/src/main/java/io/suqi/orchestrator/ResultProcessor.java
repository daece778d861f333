package io.suqi.orchestrator;

import io.suqi.orchestrator.assemble.ResponseAssembler;
import io.suqi.orchestrator.cache.AnswerCache;
import io.suqi.orchestrator.cache.CacheSettings;
import io.suqi.orchestrator.cost.PriceTable;
import io.suqi.orchestrator.cost.TokenRule;
import io.suqi.orchestrator.gate.GateSettings;
import io.suqi.orchestrator.gate.Gates;
import io.suqi.orchestrator.log.AgentDetail;
import io.suqi.orchestrator.log.Step;
import io.suqi.orchestrator.log.TraceEvents;
import io.suqi.orchestrator.plan.PlanSettings;
import io.suqi.orchestrator.route.PendingQuestion;
import io.suqi.orchestrator.route.Router;
import io.suqi.schemas.AgentResult;
import io.suqi.schemas.Response;
import io.suqi.schemas.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Assembles an agent's result into the response of its pending question, counts its tokens against
 * the asker's quotas, caches the answer, then forgets the question. A result with no pending question (a redelivery, or one arriving after another result
 * already answered) is ignored, so redelivered results never answer twice. Results of a multi-step
 * plan's steps are joined by {@link PlanExecution}, which a wall-clock punctuator also gives the
 * chance to mark overdue steps missing.
 */
final class ResultProcessor implements Processor<String, byte[], String, Object> {

  private static final Logger LOG = LoggerFactory.getLogger(ResultProcessor.class);

  /** How often overdue plan steps are looked for; a step is found missing at most this late. */
  private static final Duration LONGEST_SCAN_INTERVAL = Duration.ofSeconds(1);

  private final Router router;
  private final GateSettings gateSettings;
  private final CacheSettings cacheSettings;
  private final PlanSettings planSettings;
  private final PriceTable prices;
  private final Clock clock;
  private Outputs outputs;
  private Gates gates;
  private AnswerCache cache;
  private PlanExecution plans;
  private KeyValueStore<String, PendingQuestion> pending;

  ResultProcessor(Router router, GateSettings gateSettings, CacheSettings cacheSettings, PlanSettings planSettings,
      PriceTable prices, Clock clock) {
    this.router = router;
    this.gateSettings = gateSettings;
    this.cacheSettings = cacheSettings;
    this.planSettings = planSettings;
    this.prices = prices;
    this.clock = clock;
  }

  @Override
  public void init(ProcessorContext<String, Object> context) {
    this.outputs = new Outputs(context);
    this.pending = context.getStateStore(OrchestratorTopology.PENDING_QUESTIONS);
    this.gates = Gates.connect(context, gateSettings);
    this.cache = AnswerCache.connect(context, cacheSettings);
    this.plans = new PlanExecution(router, planSettings, prices, clock, outputs, pending,
        context.getStateStore(OrchestratorTopology.PLANS_IN_FLIGHT), gates);
    Duration scan = planSettings.stepTimeout().compareTo(LONGEST_SCAN_INTERVAL) < 0 ? planSettings.stepTimeout()
        : LONGEST_SCAN_INTERVAL;
    context.schedule(scan, PunctuationType.WALL_CLOCK_TIME, at -> plans.expireOverdue());
  }

  @Override
  public void process(Record<String, byte[]> record) {
    AgentResult result;
    try {
      result = Topics.AGENT_RESULTS.valueSerde().deserializer().deserialize(Topics.AGENT_RESULTS.name(), record.value());
    } catch (SerializationException e) {
      LOG.warn("skipping an agent result that cannot be read (key {}): {}", record.key(), e.getMessage());
      return;
    }
    if (result == null) {
      return;
    }
    String queryId = result.getQueryId();
    PendingQuestion question = pending.get(queryId);
    if (question == null) {
      LOG.info("dropping a result for {}: no question is waiting for it (already answered, or redelivered)", queryId);
      return;
    }
    if (question.planned()) {
      plans.onResult(queryId, question, result);
      return;
    }
    result = metered(result, question.questionTokens());
    outputs.log(TraceEvents.step(queryId, question.tenantId(), Step.AGENT, result.getAgent(),
        result.getCompletedAt().minusMillis(result.getDurationMs()), result.getDurationMs(), TraceEvents.detail()
            .put("status", result.getStatus().name().toLowerCase(Locale.ROOT))
            .put("tokens_used", result.getTokensUsed())
            .put("error", result.getError())
            .setAll(question.debug() ? AgentDetail.of(result) : TraceEvents.detail())));

    Instant assembleStart = clock.instant();
    gates.recordTokens(question.tenantId(), question.user(), result.getTokensUsed(), assembleStart);
    Response response = ResponseAssembler.answered(question, result, assembleStart);
    if (question.cacheKey() != null) {
      cache.put(question.cacheKey(), response, question.routedAt());
    }
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
    pending.delete(queryId);
  }

  /** The result with its step's tokens ({@link TokenRule}): the agent's own count, or the rule's. */
  static AgentResult metered(AgentResult result, long questionTokens) {
    if (result.getTokensUsed() > 0) {
      return result;
    }
    return AgentResult.newBuilder(result).setTokensUsed(TokenRule.ofStep(questionTokens, result)).build();
  }
}
