package io.suqi.orchestrator.gate;

import io.suqi.schemas.RejectionReason;
import java.util.Locale;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Questions per minute, per tenant and per user: a question is let through only if both the
 * tenant's and the user's bucket hold a token, and then takes one from each. A turned-away
 * question takes none, so retrying after the given time succeeds.
 */
final class Throttle {

  private final KeyValueStore<String, TokenBucket> buckets;

  Throttle(KeyValueStore<String, TokenBucket> buckets) {
    this.buckets = buckets;
  }

  Verdict take(Asker asker, Limits limits, long nowMillis) {
    String tenantKey = GateStores.tenantKey(asker.tenantId());
    TokenBucket tenant = current(tenantKey, limits.questionsPerMinute(), nowMillis);
    if (!tenant.hasOne()) {
      return throttled(String.format(Locale.ROOT, "tenant %s asked more than %d questions per minute",
          asker.tenantId(), limits.questionsPerMinute()), tenant.millisUntilOne(limits.questionsPerMinute()));
    }
    String userKey = asker.userId().map(user -> GateStores.userKey(asker.tenantId(), user)).orElse(null);
    TokenBucket user = userKey == null ? null : current(userKey, limits.userQuestionsPerMinute(), nowMillis);
    if (user != null && !user.hasOne()) {
      return throttled(String.format(Locale.ROOT, "user %s asked more than %d questions per minute",
          asker.userId().get(), limits.userQuestionsPerMinute()), user.millisUntilOne(limits.userQuestionsPerMinute()));
    }
    buckets.put(tenantKey, tenant.takeOne());
    if (user != null) {
      buckets.put(userKey, user.takeOne());
    }
    return new Verdict.Admitted(asker);
  }

  private TokenBucket current(String key, int perMinute, long nowMillis) {
    TokenBucket stored = buckets.get(key);
    return stored == null ? TokenBucket.full(perMinute, nowMillis) : stored.refilled(perMinute, nowMillis);
  }

  private static Verdict throttled(String why, long retryAfterMs) {
    return new Verdict.Rejected(RejectionReason.THROTTLED,
        why + "; slow down and ask again in " + Math.max(1, (retryAfterMs + 999) / 1000) + " s", retryAfterMs);
  }
}
