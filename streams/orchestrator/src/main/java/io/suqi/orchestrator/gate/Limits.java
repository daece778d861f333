package io.suqi.orchestrator.gate;

import io.suqi.schemas.TenantPolicy;

/** A tenant's effective limits: its policy's, where set, else the defaults. */
record Limits(int questionsPerMinute, int userQuestionsPerMinute, long tokensPerDay, long userTokensPerDay) {

  static Limits of(TenantPolicy policy, GateSettings defaults) {
    if (policy == null) {
      return new Limits(defaults.questionsPerMinute(), defaults.userQuestionsPerMinute(), defaults.tokensPerDay(),
          defaults.userTokensPerDay());
    }
    return new Limits(
        orDefault(policy.getQuestionsPerMinute(), defaults.questionsPerMinute()),
        orDefault(policy.getUserQuestionsPerMinute(), defaults.userQuestionsPerMinute()),
        orDefault(policy.getTokensPerDay(), defaults.tokensPerDay()),
        orDefault(policy.getUserTokensPerDay(), defaults.userTokensPerDay()));
  }

  private static int orDefault(Integer value, int fallback) {
    return value == null || value <= 0 ? fallback : value;
  }

  private static long orDefault(Long value, long fallback) {
    return value == null || value <= 0 ? fallback : value;
  }
}
