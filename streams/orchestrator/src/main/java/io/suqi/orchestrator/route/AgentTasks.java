package io.suqi.orchestrator.route;

import io.suqi.orchestrator.classify.Classification;
import io.suqi.schemas.AgentTask;
import io.suqi.schemas.AgentType;
import io.suqi.schemas.Question;
import java.time.Instant;

/** The task an agent receives for a question. */
public final class AgentTasks {

  /** This version plans one step per question; multi-step plans will number further steps. */
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
        .build();
  }
}
