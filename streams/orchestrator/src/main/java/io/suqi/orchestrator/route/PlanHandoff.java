package io.suqi.orchestrator.route;

import io.suqi.orchestrator.classify.Classification;
import io.suqi.orchestrator.plan.Plan;
import io.suqi.orchestrator.plan.PlanStep;
import io.suqi.schemas.Intent;
import io.suqi.schemas.PlannedQuestion;
import io.suqi.schemas.PlannedStep;
import io.suqi.schemas.Question;
import io.suqi.schemas.Routing;
import java.time.Instant;

/** A multi-step plan as the router hands it to the assembler on suqi.plans, and back. */
public final class PlanHandoff {

  private PlanHandoff() {}

  /** The question's intent is the whole question's, unless only its parts were in scope: then its first step's. */
  public static Classification lead(Classification classification, Plan plan) {
    PlanStep first = plan.steps().get(0);
    return classification.intent() == Intent.GENERAL
        ? new Classification(first.intent(), first.confidence()) : classification;
  }

  /** @param lead the plan's intent ({@link #lead}) */
  public static PlannedQuestion of(Question question, Classification lead, Plan plan, Instant plannedAt,
      Routing routing) {
    return PlannedQuestion.newBuilder()
        .setQueryId(question.getQueryId())
        .setTenantId(question.getTenantId())
        .setPlatform(question.getPlatform())
        .setContextLimit(question.getContextLimit())
        .setIntent(lead.intent())
        .setConfidence(lead.confidence())
        .setPlannedAt(plannedAt)
        .setSteps(plan.steps().stream().map(step -> PlannedStep.newBuilder()
            .setStepNumber(step.number())
            .setAgent(step.agent())
            .setIntent(step.intent())
            .setConfidence(step.confidence())
            .setQuestion(step.question())
            .setDependsOn(step.dependsOn())
            .build()).toList())
        .setRouting(routing)
        .build();
  }

  public static Plan planOf(PlannedQuestion planned) {
    return new Plan(planned.getSteps().stream().map(step -> new PlanStep(step.getStepNumber(), step.getAgent(),
        step.getIntent(), step.getConfidence(), step.getQuestion(), step.getDependsOn())).toList());
  }
}
