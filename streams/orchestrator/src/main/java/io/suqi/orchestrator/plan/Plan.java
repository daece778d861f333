package io.suqi.orchestrator.plan;

import java.util.List;

/** A question split into steps for several agents; steps without dependencies run in parallel. */
public record Plan(List<PlanStep> steps) {

  public Plan {
    steps = List.copyOf(steps);
    if (steps.size() < 2) {
      throw new IllegalArgumentException("a plan has several steps; one step is routed as the whole question");
    }
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).number() != i + 1) {
        throw new IllegalArgumentException("plan steps are numbered 1, 2, … in order: " + steps);
      }
    }
  }
}
