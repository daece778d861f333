package io.suqi.orchestrator.plan;

import io.suqi.schemas.AgentResult;
import io.suqi.schemas.ResultStatus;
import io.suqi.schemas.StepStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Where one plan step stands, as kept in the pending-question store.
 *
 * @param askedAt when its task was sent; null while it waits for its dependencies
 * @param settledAt when it answered, failed, went missing or was found undeployable; null before
 * @param answer its answer, or why there is none; null before it settles
 * @param error the agent's error, if it failed
 */
public record StepProgress(PlanStep step, StepStatus status, Instant askedAt, Instant settledAt, StepAnswer answer,
    String error, long tokensUsed, long durationMs) {

  private static final Set<StepStatus> OPEN = EnumSet.of(StepStatus.WAITING, StepStatus.ASKED);

  public StepProgress {
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(status, "status");
  }

  static StepProgress waiting(PlanStep step) {
    return new StepProgress(step, StepStatus.WAITING, null, null, null, null, 0, 0);
  }

  public int number() {
    return step.number();
  }

  /** Answered, failed, missing or undeployable: nothing more will change. */
  public boolean settled() {
    return !OPEN.contains(status);
  }

  public StepProgress asked(Instant at) {
    return new StepProgress(step, StepStatus.ASKED, at, null, null, null, 0, 0);
  }

  public StepProgress notDeployed(Instant at) {
    String agent = PlanText.agent(step.agent());
    return settle(StepStatus.NOT_DEPLOYED, at, StepAnswer.text("The " + agent + " agent is not deployed here."),
        null, 0, 0);
  }

  public StepProgress missing(Instant at, Duration timeout) {
    return settle(StepStatus.MISSING, at, StepAnswer.text("No answer within " + PlanText.duration(timeout) + "."),
        null, 0, askedAt == null ? 0 : Math.max(0, Duration.between(askedAt, at).toMillis()));
  }

  public StepProgress answered(AgentResult result, Instant at) {
    StepStatus outcome = switch (result.getStatus()) {
      case OK -> StepStatus.ANSWERED;
      case UNANSWERABLE -> StepStatus.UNANSWERABLE;
      case FAILED -> StepStatus.FAILED;
    };
    StepAnswer answer = StepAnswer.of(result.getAnswer());
    if (result.getStatus() == ResultStatus.FAILED && answer.text().isBlank()) {
      answer = StepAnswer.text("The " + PlanText.agent(step.agent()) + " agent failed: " + result.getError());
    }
    return settle(outcome, at, answer, result.getError(), result.getTokensUsed(), result.getDurationMs());
  }

  /** Whether it was asked more than {@code timeout} ago and has not answered. */
  public boolean overdue(Instant now, Duration timeout) {
    return status == StepStatus.ASKED && !askedAt.plus(timeout).isAfter(now);
  }

  private StepProgress settle(StepStatus outcome, Instant at, StepAnswer withAnswer, String withError, long tokens,
      long duration) {
    return new StepProgress(step, outcome, askedAt, at, withAnswer, withError, tokens, duration);
  }
}
