package io.suqi.orchestrator.gate;

/** A quota's state: the agent tokens used on one UTC day (epoch day). */
record DayUsage(long epochDay, long tokens) {

  /** The tokens used on {@code day}: none if this usage is of an earlier day. */
  long tokensOn(long day) {
    return day == epochDay ? tokens : 0;
  }
}
