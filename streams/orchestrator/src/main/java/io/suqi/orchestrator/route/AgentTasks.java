package io.suqi.orchestrator.route;

import io.suqi.orchestrator.classify.Classification;
import io.suqi.orchestrator.plan.PlanProgress;
import io.suqi.orchestrator.plan.PlanStep;
import io.suqi.orchestrator.plan.StepProgress;
import io.suqi.schemas.AgentTask;
import io.suqi.schemas.AgentType;
import io.suqi.schemas.Question;
import java.time.Instant;
import java.util.List;

/** The task an agent receives for a question. */
public final class AgentTasks {

  /** A question sent as a whole is step 1; the steps of a multi-step plan are numbered 1, 2, … */
  public static final int FIRST_STEP = 1;

  private AgentTasks() {}

  public static AgentTask forQuestion(Question question, Classification classification, AgentType agent, Instant issuedAt) {
    return AgentTask.newBuilder()
        .setQueryId(question.getQueryId())
        .setTenantId(question.getTenantId())
        .setPlatform(question.getPlatform())
        .setQuestion(question.getQuestion())
        .setIntent(classification.intent())
        .setConfidence(classification.confidence())
        .setAgent(agent)
        .setStepNumber(FIRST_STEP)
        .setContextLimit(question.getContextLimit())
        .setIssuedAt(issuedAt)
        .setEarlierSteps(List.of())
        .build();
  }

  /** The task of one step of a multi-step plan, with the answers of the steps it depends on. */
  public static AgentTask forStep(String queryId, String tenantId, PlanProgress plan, StepProgress step,
      Instant issuedAt) {
    PlanStep planned = step.step();
    return AgentTask.newBuilder()
        .setQueryId(queryId)
        .setTenantId(tenantId)
        .setPlatform(plan.platform())
        .setQuestion(planned.question())
        .setIntent(planned.intent())
        .setConfidence(planned.confidence())
        .setAgent(planned.agent())
        .setStepNumber(planned.number())
        .setContextLimit(plan.contextLimit())
        .setIssuedAt(issuedAt)
        .setEarlierSteps(plan.earlierStepsFor(step))
        .build();
  }
}
