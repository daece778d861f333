package io.suqi.agents;

import io.suqi.schemas.AgentResult;
import io.suqi.schemas.AgentTask;
import io.suqi.schemas.Answer;
import io.suqi.schemas.ResultStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Builds the AgentResult for a task, so every agent fills the envelope the same way. */
public final class AgentResults {

  private AgentResults() {}

  public static AgentResult of(AgentTask task, ResultStatus status, Answer answer, String error,
      Duration took, Instant completedAt) {
    return AgentResult.newBuilder()
        .setQueryId(task.getQueryId())
        .setTenantId(task.getTenantId())
        .setAgent(task.getAgent())
        .setStepNumber(task.getStepNumber())
        .setStatus(status)
        .setAnswer(answer)
        .setError(error)
        .setTokensUsed(0)
        .setDurationMs(took.toMillis())
        .setCompletedAt(completedAt)
        // Echoed, so the orchestrator can assemble the answer without waiting for the task's commit.
        .setRouting(task.getRouting())
        .build();
  }

  /**
   * An answer that is only a sentence (and maybe the SQL tried). Every field is set: Avro's
   * builder fills an unset array field by deep-copying its default, which needs the generated
   * classes to be trusted, and that happens only once {@code AvroSerde} is loaded.
   */
  public static Answer textAnswer(String text, String sql) {
    return Answer.newBuilder()
        .setText(text)
        .setSql(sql)
        .setColumns(List.of())
        .setColumnTypes(List.of())
        .setRows(List.of())
        .setCitations(List.of())
        .build();
  }

  /** A FAILED result whose answer text and error both carry the reason. */
  public static AgentResult failed(AgentTask task, String reason, Duration took, Instant completedAt) {
    String agent = task.getAgent().name().toLowerCase(Locale.ROOT);
    Answer answer = textAnswer("The " + agent + " agent could not answer: " + reason, null);
    return of(task, ResultStatus.FAILED, answer, reason, took, completedAt);
  }
}
