package io.suqi.orchestrator.gate;

/**
 * A throttle's state: {@code tokens} questions may be asked now; the bucket refills continuously at
 * the per-minute rate up to one minute's worth, so a burst up to the limit is allowed, then the
 * steady rate.
 */
record TokenBucket(double tokens, long updatedAtMillis) {

  static TokenBucket full(int perMinute, long nowMillis) {
    return new TokenBucket(perMinute, nowMillis);
  }

  /** The bucket at {@code nowMillis}, refilled for the time passed (never above the limit). */
  TokenBucket refilled(int perMinute, long nowMillis) {
    long elapsed = Math.max(0, nowMillis - updatedAtMillis);
    return new TokenBucket(Math.min(perMinute, tokens + elapsed * perMinute / 60_000.0), Math.max(nowMillis, updatedAtMillis));
  }

  boolean hasOne() {
    return tokens >= 1.0;
  }

  TokenBucket takeOne() {
    return new TokenBucket(tokens - 1.0, updatedAtMillis);
  }

  /** Milliseconds until one token is back (at least 1). */
  long millisUntilOne(int perMinute) {
    return Math.max(1, (long) Math.ceil((1.0 - tokens) * 60_000.0 / perMinute));
  }
}
