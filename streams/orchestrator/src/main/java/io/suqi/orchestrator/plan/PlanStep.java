package io.suqi.orchestrator.plan;

import io.suqi.schemas.AgentType;
import io.suqi.schemas.Intent;
import java.util.List;
import java.util.Objects;

/**
 * One step of a plan: an agent answers part of the question.
 *
 * @param number 1, 2, … in the order the parts were asked
 * @param question the part of the question this step answers (the agent's task)
 * @param dependsOn earlier steps whose answers this one needs: it is sent when they have answered
 */
public record PlanStep(int number, AgentType agent, Intent intent, double confidence, String question,
    List<Integer> dependsOn) {

  public PlanStep {
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(intent, "intent");
    Objects.requireNonNull(question, "question");
    dependsOn = List.copyOf(dependsOn);
    if (number < 1 || dependsOn.stream().anyMatch(d -> d < 1 || d >= number)) {
      throw new IllegalArgumentException("step " + number + " may depend on earlier steps only: " + dependsOn);
    }
  }
}
