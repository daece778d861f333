package io.suqi.orchestrator.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.suqi.orchestrator.classify.IntentDataSet;
import io.suqi.orchestrator.classify.LabelledQuestion;
import io.suqi.orchestrator.classify.TrainedIntentClassifier;
import io.suqi.orchestrator.route.Router;
import io.suqi.schemas.AgentType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Plans made with the shipped intent model: the classifier decides each clause's agent. */
class PlannerTest {

  private final Planner planner = new Planner(TrainedIntentClassifier.shipped(), Router::agentFor);

  @Test
  void analytics_then_retail_advice_is_two_steps_and_the_advice_depends_on_the_figures() {
    // When
    Plan plan = planner.multiStep("Compare Q3 and Q4 revenue by region and tell me what to stock for Christmas")
        .orElseThrow();

    // Then
    assertThat(plan.steps()).extracting(PlanStep::agent).containsExactly(AgentType.ANALYTICS, AgentType.RETAIL);
    assertThat(plan.steps()).extracting(PlanStep::question)
        .containsExactly("Compare Q3 and Q4 revenue by region", "what to stock for Christmas");
    assertThat(plan.steps()).extracting(PlanStep::dependsOn).containsExactly(List.of(), List.of(1));
  }

  @Test
  void figures_and_a_document_question_are_independent_steps() {
    // When
    Plan plan = planner.multiStep("revenue by store last month; what does our returns policy say").orElseThrow();

    // Then
    assertThat(plan.steps()).extracting(PlanStep::agent).containsExactly(AgentType.ANALYTICS, AgentType.RAG);
    assertThat(plan.steps()).allSatisfy(step -> assertThat(step.dependsOn()).isEmpty());
  }

  @Test
  void single_intent_questions_are_not_planned() {
    assertThat(planner.multiStep("Show the top 5 stores by revenue last month")).isEmpty();
    assertThat(planner.multiStep("Compare sales of store 1 and store 2")).isEmpty();
    // two clauses, one agent: still the whole question in one step
    assertThat(planner.multiStep("revenue by store last week; and units by store")).isEmpty();
  }

  @Test
  void the_labelled_single_intent_questions_stay_one_step() {
    // Given every question of the shipped data set (each asks one thing), training and held out
    List<LabelledQuestion> questions = new java.util.ArrayList<>(IntentDataSet.training());
    questions.addAll(IntentDataSet.heldOut());

    // When they are planned
    List<String> split = questions.stream().map(LabelledQuestion::question)
        .filter(q -> planner.multiStep(q).isPresent()).toList();

    // Then hardly any is taken for several requests
    assertThat(split.size()).as("%s", split).isLessThanOrEqualTo(questions.size() / 100);
  }

  @Test
  void clauses_of_the_same_agent_merge_and_an_out_of_scope_clause_stays_with_the_one_before() {
    // When
    Optional<Plan> plan = planner.multiStep(
        "revenue by store last week and tell me a joke; what does our returns policy say; units by store");

    // Then
    assertThat(plan).get().extracting(Plan::steps).asList().hasSize(2);
    assertThat(plan.get().steps().get(0).agent()).isEqualTo(AgentType.ANALYTICS);
    assertThat(plan.get().steps().get(0).question())
        .isEqualTo("revenue by store last week; a joke; units by store");
    assertThat(plan.get().steps().get(1).agent()).isEqualTo(AgentType.RAG);
  }

  @Test
  void a_clause_joined_by_then_waits_for_the_step_before_it() {
    // When
    Plan plan = planner.multiStep("what does our returns policy say, then who has admin access to the dashboard")
        .orElseThrow();

    // Then
    assertThat(plan.steps()).extracting(PlanStep::agent).containsExactly(AgentType.RAG, AgentType.SECURITY);
    assertThat(plan.steps().get(1).dependsOn()).containsExactly(1);
  }
}
