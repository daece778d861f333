package io.suqi.orchestrator;

import io.suqi.orchestrator.cache.AnswerCache;
import io.suqi.orchestrator.cache.CacheSettings;
import io.suqi.orchestrator.gate.GateSettings;
import io.suqi.orchestrator.gate.Gates;
import io.suqi.schemas.AnsweredQuestion;
import io.suqi.schemas.CacheFill;
import io.suqi.schemas.Topics;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The router's side of an answer the assembler put together (suqi.answered): its tokens count against
 * the asker's quotas, and an answer to cache is cached. In the router, next to the gates and the cache
 * that read them, so quotas and the cache stay the state of the tenant's task.
 */
final class AnsweredProcessor implements Processor<String, byte[], String, Object> {

  private static final Logger LOG = LoggerFactory.getLogger(AnsweredProcessor.class);

  private final GateSettings gateSettings;
  private final CacheSettings cacheSettings;
  private Gates gates;
  private AnswerCache cache;

  AnsweredProcessor(GateSettings gateSettings, CacheSettings cacheSettings) {
    this.gateSettings = gateSettings;
    this.cacheSettings = cacheSettings;
  }

  @Override
  public void init(ProcessorContext<String, Object> context) {
    gates = Gates.connect(context, gateSettings);
    cache = AnswerCache.connect(context, cacheSettings);
  }

  @Override
  public void process(Record<String, byte[]> record) {
    Decoding.decode(Topics.ANSWERED, record, LOG).ifPresent(this::keep);
  }

  private void keep(AnsweredQuestion answered) {
    if (answered.getTokensUsed() > 0) {
      gates.recordTokens(answered.getTenantId(), Optional.ofNullable(answered.getUserId()), answered.getTokensUsed(),
          answered.getAnsweredAt());
    }
    CacheFill fill = answered.getCacheFill();
    if (fill != null) {
      cache.put(fill.getCacheKey(), fill.getResponse(), fill.getComputedAt());
    }
  }
}
