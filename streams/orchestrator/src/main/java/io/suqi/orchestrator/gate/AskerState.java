package io.suqi.orchestrator.gate;

/**
 * What the gates keep of one asker (a tenant, or one user of a tenant): its throttle bucket and its
 * agent tokens of the day, in one record, so that a question reads each of its askers once for both
 * gates. A part is null until first used: the bucket until the asker's first question, the usage
 * until its first answer.
 */
record AskerState(TokenBucket bucket, DayUsage usage) {

  static final AskerState NEW = new AskerState(null, null);

  AskerState withBucket(TokenBucket next) {
    return new AskerState(next, usage);
  }

  AskerState withUsage(DayUsage next) {
    return new AskerState(bucket, next);
  }

  /** The agent tokens used on {@code day}. */
  long tokensOn(long day) {
    return usage == null ? 0 : usage.tokensOn(day);
  }
}
