package io.suqi.orchestrator.plan;

import io.suqi.orchestrator.classify.Classification;
import io.suqi.orchestrator.classify.IntentClassifier;
import io.suqi.schemas.AgentType;
import io.suqi.schemas.Intent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Plans a question that needs several agents into steps. The rule, in order:
 * <ol>
 *   <li>The question is split into clauses ({@link ClauseSplitter}); a question without a clause
 *       boundary is not planned at all (one step, routed as today, no extra classification).</li>
 *   <li>Each clause is classified by the trained {@link IntentClassifier}: its intent decides its
 *       agent. A clause the classifier puts out of scope (including a low-confidence guess) stays
 *       with the clause before it (the first in-scope clause, for leading ones).</li>
 *   <li>Clauses of the same agent merge into one step, at the place of the first; steps are
 *       numbered in the order they were asked.</li>
 *   <li>Fewer than two agents: no plan, the question is one step as a whole.</li>
 *   <li>Dependencies: a retail (advice) or ml (forecast) step builds on figures, so it depends on
 *       every earlier analytics step; a clause joined by "then" depends on the step before it.
 *       Every other step is independent and runs in parallel.</li>
 * </ol>
 */
public final class Planner {

  /** Agents whose answers build on the figures of earlier analytics steps. */
  private static final Set<AgentType> BUILD_ON_FIGURES = Set.of(AgentType.RETAIL, AgentType.ML);

  private final IntentClassifier classifier;
  private final Function<Intent, Optional<AgentType>> agentOf;
  private final ClauseSplitter splitter = new ClauseSplitter();

  /** @param agentOf the agent that answers an intent, none for out of scope (the router's mapping) */
  public Planner(IntentClassifier classifier, Function<Intent, Optional<AgentType>> agentOf) {
    this.classifier = Objects.requireNonNull(classifier, "classifier");
    this.agentOf = Objects.requireNonNull(agentOf, "agentOf");
  }

  /** The plan of a question that needs several agents; empty when it is one step (route it as a whole). */
  public Optional<Plan> multiStep(String question) {
    if (!ClauseSplitter.mayHaveBoundary(question)) {
      return Optional.empty();   // most questions: one clause, known without splitting (the router's hot path)
    }
    List<Clause> clauses = splitter.split(question);
    if (clauses.size() < 2) {
      return Optional.empty();
    }
    List<Draft> drafts = new ArrayList<>();
    List<Clause> leading = new ArrayList<>(); // out-of-scope clauses before the first in-scope one
    Draft previous = null;
    for (Clause clause : clauses) {
      Classification classification = classifier.classify(clause.text());
      Optional<AgentType> agent = agentOf.apply(classification.intent());
      if (agent.isEmpty()) {
        if (previous == null) {
          leading.add(clause);
        } else {
          previous.parts.add(clause.text());
        }
        continue;
      }
      Draft target = drafts.stream().filter(d -> d.agent == agent.get()).findFirst().orElse(null);
      if (target == null) {
        target = new Draft(agent.get(), classification, drafts.size() + 1);
        for (Clause before : leading) {
          target.parts.add(before.text());
        }
        leading.clear();
        target.parts.add(clause.text());
        drafts.add(target);
      } else {
        target.add(clause.text(), classification);
      }
      if (clause.afterThen() && previous != null && previous.number < target.number) {
        target.dependsOn.add(previous.number);
      }
      previous = target;
    }
    if (drafts.size() < 2) {
      return Optional.empty();
    }
    for (Draft draft : drafts) {
      if (BUILD_ON_FIGURES.contains(draft.agent)) {
        drafts.stream().filter(d -> d.agent == AgentType.ANALYTICS && d.number < draft.number)
            .forEach(d -> draft.dependsOn.add(d.number));
      }
    }
    return Optional.of(new Plan(drafts.stream().map(Draft::step).toList()));
  }

  /** A step being put together. */
  private static final class Draft {
    final AgentType agent;
    final int number;
    final List<String> parts = new ArrayList<>();
    final TreeSet<Integer> dependsOn = new TreeSet<>();
    Classification classification;

    Draft(AgentType agent, Classification classification, int number) {
      this.agent = agent;
      this.classification = classification;
      this.number = number;
    }

    /** Adds a clause of this agent; a more confident classification becomes the step's. */
    void add(String text, Classification other) {
      parts.add(text);
      if (other.confidence() > classification.confidence()) {
        classification = other;
      }
    }

    PlanStep step() {
      return new PlanStep(number, agent, classification.intent(), classification.confidence(),
          String.join("; ", parts), List.copyOf(dependsOn));
    }
  }
}
