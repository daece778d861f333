package io.suqi.orchestrator.gate;

import io.suqi.schemas.RejectionReason;
import java.util.Locale;

/**
 * Questions per minute, per tenant and per user: a question is let through only if both the
 * tenant's and the user's bucket hold a token, and then takes one from each. A turned-away
 * question takes none, so retrying after the given time succeeds.
 */
final class Throttle {

  Verdict take(Asker asker, Limits limits, AskerStates states, long nowMillis) {
    TokenBucket tenant = current(states.tenant(), limits.questionsPerMinute(), nowMillis);
    if (!tenant.hasOne()) {
      return throttled(String.format(Locale.ROOT, "tenant %s asked more than %d questions per minute",
          asker.tenantId(), limits.questionsPerMinute()), tenant.millisUntilOne(limits.questionsPerMinute()));
    }
    TokenBucket user = states.hasUser() ? current(states.user(), limits.userQuestionsPerMinute(), nowMillis) : null;
    if (user != null && !user.hasOne()) {
      return throttled(String.format(Locale.ROOT, "user %s asked more than %d questions per minute",
          asker.userId().get(), limits.userQuestionsPerMinute()), user.millisUntilOne(limits.userQuestionsPerMinute()));
    }
    states.putBuckets(tenant.takeOne(), user == null ? null : user.takeOne());
    return new Verdict.Admitted(asker);
  }

  private static TokenBucket current(AskerState state, int perMinute, long nowMillis) {
    TokenBucket stored = state.bucket();
    return stored == null ? TokenBucket.full(perMinute, nowMillis) : stored.refilled(perMinute, nowMillis);
  }

  private static Verdict throttled(String why, long retryAfterMs) {
    return new Verdict.Rejected(RejectionReason.THROTTLED,
        why + "; slow down and ask again in " + Math.max(1, (retryAfterMs + 999) / 1000) + " s", retryAfterMs);
  }
}
