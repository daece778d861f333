package io.suqi.orchestrator.assemble;

import io.suqi.orchestrator.classify.Classification;
import io.suqi.orchestrator.route.PendingQuestion;
import io.suqi.schemas.AgentResult;
import io.suqi.schemas.AgentType;
import io.suqi.schemas.Answer;
import io.suqi.schemas.Question;
import io.suqi.schemas.Rejection;
import io.suqi.schemas.RejectionReason;
import io.suqi.schemas.Response;
import io.suqi.schemas.ResponseStatus;
import io.suqi.schemas.ResultStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** Turns an agent's result, or a decision not to call one, into the response the asker sees. */
public final class ResponseAssembler {

  static final String OUT_OF_SCOPE_TEXT = "I can help with sales analytics, forecasts, documents and policies, "
      + "pricing and retail advice, and security or access questions; this question is outside that scope.";

  private ResponseAssembler() {}

  /** The response to a routed question, from its agent's result. */
  public static Response answered(PendingQuestion pending, AgentResult result, Instant completedAt) {
    return Response.newBuilder()
        .setQueryId(result.getQueryId())
        .setTenantId(pending.tenantId())
        .setIntent(pending.intent())
        .setConfidence(pending.confidence())
        .setAgent(result.getAgent())
        .setStatus(statusOf(result.getStatus()))
        .setAnswer(answerOf(result))
        .setCacheHit(false)
        .setLatencyMs(latency(pending.submittedAt(), completedAt))
        .setCompletedAt(completedAt)
        .setSteps(java.util.List.of())
        .build();
  }

  /** The response to a question no agent covers. */
  public static Response outOfScope(Question question, Classification classification, Instant completedAt) {
    return direct(question, classification, ResponseStatus.OUT_OF_SCOPE, OUT_OF_SCOPE_TEXT, completedAt);
  }

  /** The response to a question whose agent this deployment does not run. */
  public static Response agentNotDeployed(Question question, Classification classification, AgentType agent,
      Instant completedAt) {
    String text = "This question needs the " + agent.name().toLowerCase(Locale.ROOT)
        + " agent, which is not deployed here, so it cannot be answered.";
    return direct(question, classification, ResponseStatus.UNANSWERABLE, text, completedAt);
  }

  /** The response to a question a gate turned away: the reason, what to do, and when to retry. */
  public static Response rejected(Question question, Classification classification, RejectionReason reason,
      String message, long retryAfterMs, Instant completedAt) {
    Response response = direct(question, classification, ResponseStatus.REJECTED, message, completedAt);
    response.setRejection(Rejection.newBuilder().setReason(reason).setRetryAfterMs(retryAfterMs).build());
    return response;
  }

  /**
   * A cached answer as the response to a new question: the answer and agent of the cached one, the
   * query id, classification and latency of this one, marked {@code cache_hit}.
   */
  public static Response fromCache(Question question, Classification classification, Response cached,
      Instant completedAt) {
    return Response.newBuilder(cached)
        .setQueryId(question.getQueryId())
        .setTenantId(question.getTenantId())
        .setIntent(classification.intent())
        .setConfidence(classification.confidence())
        .setCacheHit(true)
        .setLatencyMs(latency(question.getSubmittedAt(), completedAt))
        .setCompletedAt(completedAt)
        .build();
  }

  /** Milliseconds from submission to completion; never negative, even if the asker's clock runs ahead. */
  public static long latency(Instant submittedAt, Instant completedAt) {
    return Math.max(0, Duration.between(submittedAt, completedAt).toMillis());
  }

  private static Response direct(Question question, Classification classification, ResponseStatus status,
      String text, Instant completedAt) {
    return Response.newBuilder()
        .setQueryId(question.getQueryId())
        .setTenantId(question.getTenantId())
        .setIntent(classification.intent())
        .setConfidence(classification.confidence())
        .setAgent(null) // no agent was called
        .setStatus(status)
        .setAnswer(Answer.newBuilder().setText(text).build())
        .setCacheHit(false)
        .setLatencyMs(latency(question.getSubmittedAt(), completedAt))
        .setCompletedAt(completedAt)
        .setSteps(java.util.List.of())
        .build();
  }

  private static ResponseStatus statusOf(ResultStatus status) {
    return switch (status) {
      case OK -> ResponseStatus.ANSWERED;
      case UNANSWERABLE -> ResponseStatus.UNANSWERABLE;
      case FAILED -> ResponseStatus.FAILED;
    };
  }

  /** The agent's answer as is; a failure with no text says what went wrong instead of staying blank. */
  private static Answer answerOf(AgentResult result) {
    Answer answer = result.getAnswer();
    if (result.getStatus() == ResultStatus.FAILED && answer.getText().isBlank() && result.getError() != null) {
      return Answer.newBuilder(answer).setText("The " + result.getAgent().name().toLowerCase(Locale.ROOT)
          + " agent failed: " + result.getError()).build();
    }
    return answer;
  }
}
