package io.suqi.orchestrator.log;

/**
 * The trace and progress numbers of a multi-step plan, one row per plan step: classify 1, gate 2,
 * then (the cache is not consulted for plans) plan 3, plan step k at 3 + k, respond after the last.
 */
public final class PlanTrace {

  public static final int PLAN = 3;
  public static final String PLAN_NAME = "plan";
  /** A plan step's row: the agent call (or why there was none). */
  public static final String STEP_NAME = Step.AGENT.stepName();
  /** A plan step sent to its agent (progress only). */
  public static final String ASKED_NAME = Step.ROUTE.stepName();

  private PlanTrace() {}

  public static int stepNumber(int planStep) {
    return PLAN + planStep;
  }

  public static int respondNumber(int planSteps) {
    return PLAN + planSteps + 1;
  }
}
