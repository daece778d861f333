package io.suqi.orchestrator.gate;

import io.suqi.schemas.RejectionReason;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Agent tokens per UTC day, per tenant and per user. Usage is counted when an agent's result comes
 * back (only then is it known); a question is turned away once the day's usage has reached the
 * limit, until the next UTC midnight.
 */
final class TokenQuota {

  private static final long DAY_MILLIS = Duration.ofDays(1).toMillis();

  private final KeyValueStore<String, DayUsage> usage;

  TokenQuota(KeyValueStore<String, DayUsage> usage) {
    this.usage = usage;
  }

  Verdict check(Asker asker, Limits limits, long nowMillis) {
    long day = Math.floorDiv(nowMillis, DAY_MILLIS);
    long untilMidnight = (day + 1) * DAY_MILLIS - nowMillis;
    long tenantUsed = usedOn(GateStores.tenantKey(asker.tenantId()), day);
    if (tenantUsed >= limits.tokensPerDay()) {
      return exceeded(String.format(Locale.ROOT, "tenant %s used its %,d agent tokens of today (UTC)",
          asker.tenantId(), limits.tokensPerDay()), untilMidnight);
    }
    if (asker.userId().isPresent()
        && usedOn(GateStores.userKey(asker.tenantId(), asker.userId().get()), day) >= limits.userTokensPerDay()) {
      return exceeded(String.format(Locale.ROOT, "user %s used their %,d agent tokens of today (UTC)",
          asker.userId().get(), limits.userTokensPerDay()), untilMidnight);
    }
    return new Verdict.Admitted(asker);
  }

  void record(String tenantId, Optional<String> userId, long tokens, long atMillis) {
    if (tokens <= 0) {
      return;
    }
    long day = Math.floorDiv(atMillis, DAY_MILLIS);
    add(GateStores.tenantKey(tenantId), day, tokens);
    userId.ifPresent(user -> add(GateStores.userKey(tenantId, user), day, tokens));
  }

  private long usedOn(String key, long day) {
    DayUsage stored = usage.get(key);
    return stored == null ? 0 : stored.tokensOn(day);
  }

  private void add(String key, long day, long tokens) {
    DayUsage stored = usage.get(key);
    usage.put(key, (stored == null ? new DayUsage(day, 0) : stored).plus(day, tokens));
  }

  private static Verdict exceeded(String why, long retryAfterMs) {
    return new Verdict.Rejected(RejectionReason.QUOTA_EXCEEDED, why + "; the quota resets at 00:00 UTC", retryAfterMs);
  }
}
