package io.suqi.orchestrator.assemble;

import io.suqi.orchestrator.plan.PlanProgress;
import io.suqi.orchestrator.plan.PlanText;
import io.suqi.orchestrator.plan.StepAnswer;
import io.suqi.orchestrator.plan.StepProgress;
import io.suqi.orchestrator.route.PendingQuestion;
import io.suqi.schemas.Answer;
import io.suqi.schemas.Citation;
import io.suqi.schemas.PlanStepOutcome;
import io.suqi.schemas.Response;
import io.suqi.schemas.ResponseStatus;
import io.suqi.schemas.StepStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one response to a multi-step plan: a text section per step (the partial answer first names
 * what is missing), the table and SQL of the first answered step that has them (the analytics
 * figures), the citations of all steps, and each step's outcome.
 */
public final class PlanAnswer {

  private PlanAnswer() {}

  public static Response combined(String queryId, PendingQuestion pending, Duration stepTimeout, Instant completedAt) {
    PlanProgress plan = pending.plan();
    List<StepProgress> steps = plan.steps();
    Optional<StepAnswer> table = steps.stream()
        .filter(s -> s.status() == StepStatus.ANSWERED)
        .map(StepProgress::answer)
        .filter(a -> a.sql() != null || !a.rows().isEmpty())
        .findFirst();
    Map<String, Citation> citations = new LinkedHashMap<>();
    steps.stream().filter(s -> s.answer() != null)
        .flatMap(s -> s.answer().toAvro().getCitations().stream())
        .forEach(c -> citations.putIfAbsent(c.getSourceId(), c));
    Answer answer = Answer.newBuilder()
        .setText(text(steps, stepTimeout))
        .setSql(table.map(StepAnswer::sql).orElse(null))
        .setColumns(table.map(StepAnswer::columns).orElse(List.of()))
        .setColumnTypes(table.map(StepAnswer::columnTypes).orElse(List.of()))
        .setRows(table.map(StepAnswer::rows).orElse(List.of()))
        .setCitations(new ArrayList<>(citations.values()))
        .build();
    return Response.newBuilder()
        .setQueryId(queryId)
        .setTenantId(pending.tenantId())
        .setIntent(pending.intent())
        .setConfidence(pending.confidence())
        .setAgent(pending.agent())
        .setStatus(status(steps))
        .setAnswer(answer)
        .setCacheHit(false)
        .setLatencyMs(ResponseAssembler.latency(pending.submittedAt(), completedAt))
        .setCompletedAt(completedAt)
        .setRejection(null)
        .setSteps(steps.stream().map(s -> outcome(s, stepTimeout)).toList())
        .build();
  }

  /** Every step answered: ANSWERED; some: PARTIAL; none: UNANSWERABLE if none could run or knew, else FAILED. */
  static ResponseStatus status(List<StepProgress> steps) {
    long answered = steps.stream().filter(s -> s.status() == StepStatus.ANSWERED).count();
    if (answered == steps.size()) {
      return ResponseStatus.ANSWERED;
    }
    if (answered > 0) {
      return ResponseStatus.PARTIAL;
    }
    boolean couldNot = steps.stream()
        .allMatch(s -> s.status() == StepStatus.NOT_DEPLOYED || s.status() == StepStatus.UNANSWERABLE);
    return couldNot ? ResponseStatus.UNANSWERABLE : ResponseStatus.FAILED;
  }

  private static String text(List<StepProgress> steps, Duration stepTimeout) {
    StringBuilder text = new StringBuilder();
    List<String> shortfalls = steps.stream().filter(s -> s.status() != StepStatus.ANSWERED)
        .map(s -> shortfall(s, stepTimeout)).toList();
    if (!shortfalls.isEmpty()) {
      text.append(shortfalls.size() == steps.size() ? "No answer: " : "Partial answer: ")
          .append(String.join("; ", shortfalls)).append(".\n\n");
    }
    for (StepProgress step : steps) {
      text.append(capitalised(PlanText.step(step.step()))).append(" — ").append(step.step().question()).append(":\n")
          .append(sectionText(step, stepTimeout)).append("\n\n");
    }
    return text.toString().strip();
  }

  /** Why a step has no answer, naming it: "step 2 (retail) did not answer within 4 s". */
  public static String shortfall(StepProgress step, Duration stepTimeout) {
    String name = PlanText.step(step.step());
    return switch (step.status()) {
      case MISSING -> name + " did not answer within " + PlanText.duration(stepTimeout);
      case NOT_DEPLOYED -> name + " could not run: the " + PlanText.agent(step.step().agent())
          + " agent is not deployed here";
      case UNANSWERABLE -> name + " could not be answered";
      case FAILED -> name + " failed";
      case ANSWERED, WAITING, ASKED -> name + " has no answer";
    };
  }

  private static String sectionText(StepProgress step, Duration stepTimeout) {
    if (step.status() == StepStatus.MISSING) {
      return "No answer within " + PlanText.duration(stepTimeout) + ".";
    }
    return step.answer() == null || step.answer().text().isBlank() ? shortfall(step, stepTimeout) + "."
        : step.answer().text();
  }

  private static PlanStepOutcome outcome(StepProgress step, Duration stepTimeout) {
    return PlanStepOutcome.newBuilder()
        .setStepNumber(step.number())
        .setAgent(step.step().agent())
        .setQuestion(step.step().question())
        .setDependsOn(step.step().dependsOn())
        .setStatus(step.status())
        .setText(sectionText(step, stepTimeout))
        .build();
  }

  private static String capitalised(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
