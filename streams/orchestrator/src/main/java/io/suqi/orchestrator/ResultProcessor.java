package io.suqi.orchestrator;

import io.suqi.orchestrator.assemble.ResponseAssembler;
import io.suqi.orchestrator.cache.AnswerCache;
import io.suqi.orchestrator.cache.CacheSettings;
import io.suqi.orchestrator.gate.GateSettings;
import io.suqi.orchestrator.gate.Gates;
import io.suqi.orchestrator.log.AgentDetail;
import io.suqi.orchestrator.log.Step;
import io.suqi.orchestrator.log.TraceEvents;
import io.suqi.orchestrator.route.PendingQuestion;
import io.suqi.schemas.AgentResult;
import io.suqi.schemas.Response;
import io.suqi.schemas.Topics;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Assembles an agent's result into the response of its pending question, counts its tokens against
 * the asker's quotas, caches the answer, then forgets the question. A result with no pending question (a redelivery, or one arriving after another result
 * already answered) is ignored, so redelivered results never answer twice.
 */
final class ResultProcessor implements Processor<String, byte[], String, Object> {

  private static final Logger LOG = LoggerFactory.getLogger(ResultProcessor.class);

  private final GateSettings gateSettings;
  private final CacheSettings cacheSettings;
  private final double costPerToken;
  private final Clock clock;
  private Outputs outputs;
  private Gates gates;
  private AnswerCache cache;
  private KeyValueStore<String, PendingQuestion> pending;

  ResultProcessor(GateSettings gateSettings, CacheSettings cacheSettings, double costPerToken, Clock clock) {
    this.gateSettings = gateSettings;
    this.cacheSettings = cacheSettings;
    this.costPerToken = costPerToken;
    this.clock = clock;
  }

  @Override
  public void init(ProcessorContext<String, Object> context) {
    this.outputs = new Outputs(context);
    this.pending = context.getStateStore(OrchestratorTopology.PENDING_QUESTIONS);
    this.gates = Gates.connect(context, gateSettings);
    this.cache = AnswerCache.connect(context, cacheSettings);
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
      LOG.debug("ignoring result for {}: no question is waiting for it", queryId);
      return;
    }
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
        response, result.getTokensUsed(), costPerToken));
    pending.delete(queryId);
  }
}
