package io.suqi.orchestrator;

import io.suqi.orchestrator.cache.AnswerCache;
import io.suqi.orchestrator.gate.Gates;
import io.suqi.schemas.AnsweredQuestion;
import io.suqi.schemas.CacheFill;
import io.suqi.schemas.Topics;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The router's side of an answer the assembler put together (suqi.answered): its tokens count against
 * the asker's quotas, and an answer to cache is cached. Run by the router's processor
 * ({@link QuestionProcessor}) over the same gates and cache its questions use, so quotas and the cache
 * stay the state of the tenant's task, and the cache's index of its keys sees every answer it keeps.
 */
final class AnswerKeeper {

  private static final Logger LOG = LoggerFactory.getLogger(AnswerKeeper.class);

  private final Gates gates;
  private final AnswerCache cache;

  AnswerKeeper(Gates gates, AnswerCache cache) {
    this.gates = gates;
    this.cache = cache;
  }

  void keep(Record<String, byte[]> record) {
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
