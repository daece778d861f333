package io.suqi.orchestrator.plan;

import io.suqi.schemas.AgentType;
import java.time.Duration;
import java.util.Locale;

/** How plans and their steps are named in answers and progress messages. */
public final class PlanText {

  private PlanText() {}

  public static String agent(AgentType agent) {
    return agent.name().toLowerCase(Locale.ROOT);
  }

  /** "step 2 (retail)" */
  public static String step(PlanStep step) {
    return "step " + step.number() + " (" + agent(step.agent()) + ")";
  }

  /** "4 s", "1.5 s", "250 ms" */
  public static String duration(Duration duration) {
    long millis = duration.toMillis();
    if (millis < 1000) {
      return millis + " ms";
    }
    return millis % 1000 == 0 ? millis / 1000 + " s"
        : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }
}
