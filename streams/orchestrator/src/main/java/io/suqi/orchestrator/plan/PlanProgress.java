package io.suqi.orchestrator.plan;

import io.suqi.schemas.EarlierStep;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where every step of a plan stands: which may be asked now (all its dependencies settled), which
 * are overdue, whether the plan is complete. Immutable: each change gives a new progress to store.
 *
 * @param platform and {@code contextLimit}: of the question, for the tasks of steps asked later
 */
public record PlanProgress(String platform, int contextLimit, List<StepProgress> steps) {

  public PlanProgress {
    steps = List.copyOf(steps);
  }

  public static PlanProgress start(Plan plan, String platform, int contextLimit) {
    return new PlanProgress(platform, contextLimit, plan.steps().stream().map(StepProgress::waiting).toList());
  }

  public Optional<StepProgress> step(int number) {
    return number >= 1 && number <= steps.size() ? Optional.of(steps.get(number - 1)) : Optional.empty();
  }

  public PlanProgress with(StepProgress changed) {
    List<StepProgress> next = new ArrayList<>(steps);
    next.set(changed.number() - 1, changed);
    return new PlanProgress(platform, contextLimit, next);
  }

  /** Steps still waiting whose dependencies have all settled (answered or not): to be asked now. */
  public List<StepProgress> ready() {
    return steps.stream()
        .filter(s -> s.status() == io.suqi.schemas.StepStatus.WAITING)
        .filter(s -> s.step().dependsOn().stream().allMatch(d -> steps.get(d - 1).settled()))
        .toList();
  }

  public List<StepProgress> overdue(Instant now, Duration timeout) {
    return steps.stream().filter(s -> s.overdue(now, timeout)).toList();
  }

  public boolean complete() {
    return steps.stream().allMatch(StepProgress::settled);
  }

  /** What a step is told of the steps it depends on: their part of the question and their answer. */
  public List<EarlierStep> earlierStepsFor(StepProgress step) {
    return step.step().dependsOn().stream().map(d -> steps.get(d - 1)).map(dep -> EarlierStep.newBuilder()
        .setStepNumber(dep.number())
        .setAgent(dep.step().agent())
        .setQuestion(dep.step().question())
        .setStatus(dep.status())
        .setAnswer((dep.answer() == null ? StepAnswer.text("") : dep.answer()).toAvro())
        .build()).toList();
  }
}
