package io.suqi.orchestrator.gate;

/**
 * The limits a tenant gets when its policy (suqi.tenant-policies) does not set its own.
 *
 * @param questionsPerMinute questions a tenant may ask per minute, all users together (throttle)
 * @param userQuestionsPerMinute questions one user may ask per minute (throttle)
 * @param tokensPerDay agent tokens a tenant may use per UTC day (quota)
 * @param userTokensPerDay agent tokens one user may use per UTC day (quota)
 */
public record GateSettings(int questionsPerMinute, int userQuestionsPerMinute, long tokensPerDay,
    long userTokensPerDay) {

  /** Generous enough for a team of analysts, tight enough that a runaway script is stopped. */
  public static final GateSettings DEFAULTS = new GateSettings(600, 60, 5_000_000, 1_000_000);

  public GateSettings {
    requirePositive(questionsPerMinute, "questionsPerMinute");
    requirePositive(userQuestionsPerMinute, "userQuestionsPerMinute");
    requirePositive(tokensPerDay, "tokensPerDay");
    requirePositive(userTokensPerDay, "userTokensPerDay");
  }

  private static void requirePositive(long value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be > 0, was " + value);
    }
  }
}
