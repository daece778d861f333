package io.suqi.orchestrator.route;

import io.suqi.orchestrator.classify.Classification;
import io.suqi.orchestrator.plan.PlanProgress;
import io.suqi.orchestrator.plan.PlanStep;
import io.suqi.orchestrator.plan.StepProgress;
import io.suqi.schemas.AgentTask;
import io.suqi.schemas.AgentType;
import io.suqi.schemas.Question;
import io.suqi.schemas.Routing;
import java.time.Instant;
import java.util.List;

/** The task an agent receives for a question. */
public final class AgentTasks {

  /** A question sent as a whole is step 1; the steps of a multi-step plan are numbered 1, 2, … */
  public static final int FIRST_STEP = 1;

  private AgentTasks() {}

  /** A question sent as a whole, with what the assembler needs to wait for its result. */
  public static AgentTask forQuestion(Question question, Classification classification, AgentType agent, Instant issuedAt,
      Routing routing) {
    // Set field by field rather than through a builder, which copies the schema's fields for every
    // record: this is built for every question the router sends.
    AgentTask task = new AgentTask();
    task.setQueryId(question.getQueryId());
    task.setTenantId(question.getTenantId());
    task.setPlatform(question.getPlatform());
    task.setQuestion(question.getQuestion());
    task.setIntent(classification.intent());
    task.setConfidence(classification.confidence());
    task.setAgent(agent);
    task.setStepNumber(FIRST_STEP);
    task.setContextLimit(question.getContextLimit());
    task.setIssuedAt(issuedAt.toEpochMilli());
    task.setEarlierSteps(List.of());
    task.setRouting(routing);
    return task;
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
        .setIssuedAt(issuedAt.toEpochMilli())
        .setEarlierSteps(plan.earlierStepsFor(step))
        .build();
  }
}
