package io.suqi.orchestrator.cache;

import com.google.common.hash.BloomFilter;
import io.suqi.schemas.AgentType;
import io.suqi.schemas.GoldChange;
import io.suqi.schemas.Response;
import io.suqi.schemas.ResponseStatus;
import io.suqi.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Answers by {@link CacheKey}, in a changelogged state store of the tenant's partition (so the cache
 * survives restarts and moves with the tenant). An answer is served until its time-to-live ends;
 * an analytics answer also ends at the next 00:00 UTC (its "today" and "last 7 days" move on) and
 * as soon as the lakehouse reports a change of the tenant's gold tables after it was computed.
 * Only answered questions are cached: a failure is retried, not remembered.
 */
public final class AnswerCache {

  public static final String STORE = "answer-cache";
  public static final String GOLD_CHANGES_STORE = "cache-gold-changes";
  private static final long DAY_MILLIS = Duration.ofDays(1).toMillis();

  private final CacheSettings settings;
  private final KeyValueStore<String, CachedAnswer> answers;
  private final KeyValueStore<String, GoldChange> goldChanges;
  private final CachedKeys keys = new CachedKeys();

  /** Reads the store's keys: call it once the store is restored (a processor's init). */
  AnswerCache(CacheSettings settings, KeyValueStore<String, CachedAnswer> answers,
      KeyValueStore<String, GoldChange> goldChanges) {
    this.settings = settings;
    this.answers = answers;
    this.goldChanges = goldChanges;
    if (settings.enabled()) {
      indexKeys(Long.MIN_VALUE);
    }
  }

  /**
   * The cache of the calling processor's task, for that processor alone: the index of its keys sees
   * only the answers this instance caches, so one processor both looks up and caches (the router's).
   */
  public static AnswerCache connect(ProcessingContext context, CacheSettings settings) {
    return new AnswerCache(settings, context.getStateStore(STORE), context.getStateStore(GOLD_CHANGES_STORE));
  }

  public static StoreBuilder<?> store() {
    return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(), CachedAnswer.serde());
  }

  /** Loaded from retail.gold-changes. */
  public static StoreBuilder<?> goldChangesStore() {
    // In the heap: one entry per tenant, read for every analytics question.
    return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(GOLD_CHANGES_STORE), Serdes.String(),
        Topics.GOLD_CHANGES.valueSerde());
  }

  /** The cached answer still valid at {@code now}; a stale one is dropped. */
  public Optional<Response> get(String key, String tenantId, AgentType agent, Instant now) {
    if (!settings.enabled()) {
      return Optional.empty();
    }
    if (!keys.mayHold(key)) {
      return Optional.empty();
    }
    CachedAnswer cached = answers.get(key);
    if (cached == null) {
      return Optional.empty();
    }
    if (now.toEpochMilli() >= cached.expiresAtMillis() || goldChangedSince(tenantId, agent, cached.cachedAtMillis())) {
      answers.delete(key);
      return Optional.empty();
    }
    return Optional.of(cached.response());
  }

  public void put(String key, Response response, Instant computedAt) {
    if (!settings.enabled() || response.getStatus() != ResponseStatus.ANSWERED) {
      return;
    }
    long at = computedAt.toEpochMilli();
    long expires = at + settings.ttl().toMillis();
    if (response.getAgent() == AgentType.ANALYTICS) {
      expires = Math.min(expires, (Math.floorDiv(at, DAY_MILLIS) + 1) * DAY_MILLIS);
    }
    answers.put(key, new CachedAnswer(response, at, expires));
    keys.add(key);
  }

  /** Drops every expired answer, so the store holds at most one time-to-live of answers. */
  public int evictExpired(Instant now) {
    return indexKeys(now.toEpochMilli());
  }

  /**
   * Indexes the keys of the answers still valid at {@code nowMillis} ({@link CachedKeys}, which the
   * deleted ones then leave) and deletes the others.
   *
   * @return how many were deleted
   */
  private int indexKeys(long nowMillis) {
    List<String> expired = new ArrayList<>();
    BloomFilter<String> kept = CachedKeys.empty(answers.approximateNumEntries());
    try (KeyValueIterator<String, CachedAnswer> all = answers.all()) {
      while (all.hasNext()) {
        KeyValue<String, CachedAnswer> entry = all.next();
        if (nowMillis >= entry.value.expiresAtMillis()) {
          expired.add(entry.key);
        } else {
          kept.put(entry.key);
        }
      }
    }
    expired.forEach(answers::delete);
    keys.replaceWith(kept);
    return expired.size();
  }

  private boolean goldChangedSince(String tenantId, AgentType agent, long cachedAtMillis) {
    if (agent != AgentType.ANALYTICS) {
      return false;
    }
    GoldChange change = goldChanges.get(tenantId);
    return change != null && change.getChangedAt().toEpochMilli() >= cachedAtMillis;
  }
}
