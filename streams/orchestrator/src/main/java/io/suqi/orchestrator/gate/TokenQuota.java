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

  private final KeyValueStore<String, AskerState> askers;

  TokenQuota(KeyValueStore<String, AskerState> askers) {
    this.askers = askers;
  }

  Verdict check(Asker asker, Limits limits, AskerStates states, long nowMillis) {
    long day = Math.floorDiv(nowMillis, DAY_MILLIS);
    long untilMidnight = (day + 1) * DAY_MILLIS - nowMillis;
    long tenantUsed = states.tenant().tokensOn(day);
    if (tenantUsed >= limits.tokensPerDay()) {
      return exceeded(String.format(Locale.ROOT, "tenant %s used its %,d agent tokens of today (UTC)",
          asker.tenantId(), limits.tokensPerDay()), untilMidnight);
    }
    if (states.hasUser() && states.user().tokensOn(day) >= limits.userTokensPerDay()) {
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

  private void add(String key, long day, long tokens) {
    AskerState stored = AskerStates.stored(askers, key);
    askers.put(key, stored.withUsage(new DayUsage(day, stored.tokensOn(day) + tokens)));
  }

  private static Verdict exceeded(String why, long retryAfterMs) {
    return new Verdict.Rejected(RejectionReason.QUOTA_EXCEEDED, why + "; the quota resets at 00:00 UTC", retryAfterMs);
  }
}
