package io.suqi.agents.ml;

import io.suqi.agents.ml.training.SearchSpace;
import java.time.Duration;

/**
 * The ML agent's settings, validated at start.
 *
 * @param modelName    the registry name of the sales forecast model
 * @param testDays     the most recent days held out to test on
 * @param searchLimit  candidates a tuning run may try (bounded search)
 * @param parallelJobs training jobs at once across tenants (one per tenant in any case)
 * @param statementTimeout per SQL statement of the agent
 */
public record MlConfig(String modelName, int testDays, int searchLimit, int parallelJobs, long seed,
    Duration statementTimeout) {

  public MlConfig {
    if (modelName == null || !modelName.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("modelName must be a lower-case identifier, was " + modelName);
    }
    if (testDays < 7 || testDays > 91) {
      throw new IllegalArgumentException("testDays must be 7..91, was " + testDays);
    }
    SearchSpace.candidates(searchLimit);
    if (parallelJobs < 1 || parallelJobs > 4) {
      throw new IllegalArgumentException("parallelJobs must be 1..4, was " + parallelJobs);
    }
    if (statementTimeout == null || statementTimeout.toMillis() < 1) {
      throw new IllegalArgumentException("statementTimeout must be at least 1 ms, was " + statementTimeout);
    }
  }

  public static MlConfig defaults() {
    return new MlConfig("sales_forecast", 28, SearchSpace.DEFAULT_LIMIT, 1, 42L, Duration.ofSeconds(30));
  }
}
