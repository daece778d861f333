package io.suqi.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import io.suqi.orchestrator.classify.TrainedIntentClassifier;
import io.suqi.orchestrator.cost.PriceTable;
import io.suqi.orchestrator.plan.PlanSettings;
import io.suqi.orchestrator.route.PendingQuestion;
import io.suqi.schemas.AgentResult;
import io.suqi.schemas.AgentTask;
import io.suqi.schemas.AgentType;
import io.suqi.schemas.Answer;
import io.suqi.schemas.Citation;
import io.suqi.schemas.EarlierStep;
import io.suqi.schemas.OrchestrationEvent;
import io.suqi.schemas.PlanStepOutcome;
import io.suqi.schemas.Question;
import io.suqi.schemas.Response;
import io.suqi.schemas.ResponseStatus;
import io.suqi.schemas.ResponseStep;
import io.suqi.schemas.ResultStatus;
import io.suqi.schemas.StepStatus;
import io.suqi.schemas.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Multi-step plans: fan-out of independent steps, dependent steps, the join, partial answers. */
class MultiStepPlanTopologyTest {

  private static final Instant SUBMITTED = Instant.parse("2026-11-20T09:00:00Z");
  private static final String TENANT = "acme";
  private static final Duration STEP_TIMEOUT = Duration.ofSeconds(30);
  private static final String CHRISTMAS =
      "Compare Q3 and Q4 revenue by region and tell me what to stock for Christmas";
  private static final String FIGURES_AND_POLICY = "revenue by store last month; what does our returns policy say";

  @TempDir
  Path stateDir;

  private final MutableClock clock = new MutableClock(SUBMITTED.plusMillis(20));
  private TopologyFixture fixture;
  private TestInputTopic<String, Question> questions;
  private TestInputTopic<String, AgentResult> results;
  private TestOutputTopic<String, Response> responses;
  private TestOutputTopic<String, ResponseStep> steps;
  private TestOutputTopic<String, OrchestrationEvent> log;

  @BeforeEach
  void startDriver() {
    // ML is not deployed, for the step that cannot run.
    fixture = new TopologyFixture(plansConfig(), TrainedIntentClassifier.shipped(), clock, stateDir);
    questions = fixture.input(Topics.QUERIES);
    results = fixture.input(Topics.AGENT_RESULTS);
    responses = fixture.output(Topics.RESPONSES);
    steps = fixture.output(Topics.RESPONSE_STEPS);
    log = fixture.output(Topics.ORCHESTRATION_LOG);
  }

  private OrchestratorConfig plansConfig() {
    return new OrchestratorConfig("plans-test", "unused:9092", stateDir,
        EnumSet.of(AgentType.ANALYTICS, AgentType.RAG, AgentType.RETAIL, AgentType.SECURITY), PriceTable.free())
        .withPlans(new PlanSettings(STEP_TIMEOUT));
  }

  @AfterEach
  void closeDriver() {
    fixture.close();
  }

  @Test
  void independent_steps_are_sent_at_once_and_their_results_joined_into_one_answer() {
    // When
    ask("q1", FIGURES_AND_POLICY);

    // Then both agents are asked at once, each its part of the question
    AgentTask figures = fixture.tasksOf(AgentType.ANALYTICS).readValue();
    AgentTask policy = fixture.tasksOf(AgentType.RAG).readValue();
    assertThat(List.of(figures.getStepNumber(), policy.getStepNumber())).containsExactly(1, 2);
    assertThat(figures.getQuestion()).isEqualTo("revenue by store last month");
    assertThat(policy.getQuestion()).isEqualTo("what does our returns policy say");
    assertThat(figures.getEarlierSteps()).isEmpty();
    assertThat(policy.getEarlierSteps()).isEmpty();
    assertThat(responses.isEmpty()).isTrue();

    // When the second step answers first, then the first
    clock.advance(Duration.ofMillis(300));
    results.pipeInput("q1", result("q1", AgentType.RAG, 2, ResultStatus.OK, policyAnswer(), 40));
    assertThat(responses.isEmpty()).isTrue();
    clock.advance(Duration.ofMillis(200));
    results.pipeInput("q1", result("q1", AgentType.ANALYTICS, 1, ResultStatus.OK, figuresAnswer(), 0));

    // Then one answer combines them: a section per step, the figures' table, the policy's citation
    Response response = responses.readValue();
    assertThat(responses.isEmpty()).isTrue();
    assertThat(response.getStatus()).isEqualTo(ResponseStatus.ANSWERED);
    assertThat(response.getAgent()).isEqualTo(AgentType.ANALYTICS);
    assertThat(response.getAnswer().getText())
        .contains("Step 1 (analytics) — revenue by store last month:\nStore 1 leads with 1200.50.")
        .contains("Step 2 (rag) — what does our returns policy say:\nReturns are accepted within 30 days.");
    assertThat(response.getAnswer().getSql()).isEqualTo(figuresAnswer().getSql());
    assertThat(response.getAnswer().getRows()).isEqualTo(figuresAnswer().getRows());
    assertThat(response.getAnswer().getCitations()).extracting(Citation::getSourceId).containsExactly("kb-returns");
    assertThat(response.getSteps()).extracting(PlanStepOutcome::getStatus)
        .containsExactly(StepStatus.ANSWERED, StepStatus.ANSWERED);
    assertThat(response.getLatencyMs()).isEqualTo(520);
    assertThat(pendingStore().get("q1")).isNull();
    assertThat(plansInFlight().get("q1")).isNull();

    // And each step's result was streamed as it arrived
    List<ResponseStep> streamed = steps.readValuesToList();
    assertThat(streamed).extracting(ResponseStep::getStepName)
        .containsExactly("classify", "plan", "route", "route", "agent", "agent", "respond");
    List<ResponseStep> answered = streamed.stream().filter(s -> s.getStepName().equals("agent")).toList();
    assertThat(answered).extracting(ResponseStep::getPlanStep).containsExactly(2, 1);
    assertThat(answered).extracting(ResponseStep::getAgent).containsExactly(AgentType.RAG, AgentType.ANALYTICS);
    assertThat(answered).extracting(ResponseStep::getStatus).containsOnly(StepStatus.ANSWERED);
    assertThat(answered.get(0).getText()).isEqualTo("Returns are accepted within 30 days.");
    assertThat(answered.get(0).getMessage()).isEqualTo("Step 2 (rag) answered");
  }

  @Test
  void a_step_that_builds_on_figures_is_sent_when_they_arrived_with_them() {
    // When
    ask("q1", CHRISTMAS);

    // Then only the figures are asked for first
    AgentTask figures = fixture.tasksOf(AgentType.ANALYTICS).readValue();
    assertThat(figures.getQuestion()).isEqualTo("Compare Q3 and Q4 revenue by region");
    assertThat(fixture.tasksOf(AgentType.RETAIL).isEmpty()).isTrue();

    // When they arrive (and once more, redelivered)
    results.pipeInput("q1", result("q1", AgentType.ANALYTICS, 1, ResultStatus.OK, figuresAnswer(), 0));
    results.pipeInput("q1", result("q1", AgentType.ANALYTICS, 1, ResultStatus.OK, figuresAnswer(), 0));

    // Then the retail step is asked once, with the figures' answer
    List<AgentTask> advice = fixture.tasksOf(AgentType.RETAIL).readValuesToList();
    assertThat(advice).hasSize(1);
    assertThat(advice.get(0).getStepNumber()).isEqualTo(2);
    assertThat(advice.get(0).getQuestion()).isEqualTo("what to stock for Christmas");
    List<EarlierStep> earlier = advice.get(0).getEarlierSteps();
    assertThat(earlier).singleElement().satisfies(step -> {
      assertThat(step.getStepNumber()).isEqualTo(1);
      assertThat(step.getAgent()).isEqualTo(AgentType.ANALYTICS);
      assertThat(step.getQuestion()).isEqualTo("Compare Q3 and Q4 revenue by region");
      assertThat(step.getStatus()).isEqualTo(StepStatus.ANSWERED);
      assertThat(step.getAnswer()).isEqualTo(figuresAnswer());
    });
    assertThat(responses.isEmpty()).isTrue();

    // When the advice arrives
    results.pipeInput("q1", result("q1", AgentType.RETAIL, 2, ResultStatus.OK, text("Stock more toys in the North."), 0));

    // Then the answer has both
    Response response = responses.readValue();
    assertThat(response.getStatus()).isEqualTo(ResponseStatus.ANSWERED);
    assertThat(response.getAnswer().getText()).contains("Store 1 leads with 1200.50.", "Stock more toys in the North.");
    assertThat(response.getSteps()).extracting(PlanStepOutcome::getDependsOn).containsExactly(List.of(), List.of(1));
  }

  @Test
  void a_step_that_does_not_answer_in_time_gives_a_partial_answer_naming_it_and_its_late_result_is_dropped() {
    // Given the figures answered and the policy step did not
    ask("q1", FIGURES_AND_POLICY);
    results.pipeInput("q1", result("q1", AgentType.ANALYTICS, 1, ResultStatus.OK, figuresAnswer(), 0));
    steps.readValuesToList();

    // When the step timeout passes
    clock.advance(STEP_TIMEOUT);
    fixture.driver.advanceWallClockTime(STEP_TIMEOUT);

    // Then the question is answered with what arrived, naming the missing step
    Response response = responses.readValue();
    assertThat(response.getStatus()).isEqualTo(ResponseStatus.PARTIAL);
    assertThat(response.getAnswer().getText())
        .startsWith("Partial answer: step 2 (rag) did not answer within 30 s.")
        .contains("Store 1 leads with 1200.50.");
    assertThat(response.getAnswer().getRows()).isEqualTo(figuresAnswer().getRows());
    assertThat(response.getSteps()).extracting(PlanStepOutcome::getStatus)
        .containsExactly(StepStatus.ANSWERED, StepStatus.MISSING);
    assertThat(steps.readValuesToList()).extracting(ResponseStep::getStepName, ResponseStep::getStatus)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("agent", StepStatus.MISSING),
            org.assertj.core.groups.Tuple.tuple("respond", null));

    assertThat(plansInFlight().get("q1")).isNull();

    // When the missing step answers after all
    results.pipeInput("q1", result("q1", AgentType.RAG, 2, ResultStatus.OK, policyAnswer(), 0));

    // Then nothing is answered twice
    assertThat(responses.isEmpty()).isTrue();
    assertThat(steps.isEmpty()).isTrue();
  }

  @Test
  void a_plan_pending_from_before_the_plans_were_indexed_still_times_out() {
    // Given a plan waiting for its policy step, and a single-agent question waiting for its agent,
    // as state written before plans in flight were indexed has them (the first timeout scan is yet to run)
    ask("q1", FIGURES_AND_POLICY);
    ask("q2", "revenue by store last month");
    results.pipeInput("q1", result("q1", AgentType.ANALYTICS, 1, ResultStatus.OK, figuresAnswer(), 0));
    plansInFlight().delete("q1");

    // When the step timeout passes
    clock.advance(STEP_TIMEOUT);
    fixture.driver.advanceWallClockTime(STEP_TIMEOUT);

    // Then the plan is answered with what arrived; the single-agent question still waits
    assertThat(responses.readValuesToList()).extracting(Response::getQueryId, Response::getStatus)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("q1", ResponseStatus.PARTIAL));
    assertThat(pendingStore().get("q1")).isNull();
    assertThat(plansInFlight().get("q1")).isNull();
    assertThat(pendingStore().get("q2")).isNotNull();
  }

  @Test
  void when_the_figures_go_missing_the_advice_is_still_asked_and_the_answer_names_the_missing_step() {
    // Given the figures the advice builds on do not come
    ask("q1", CHRISTMAS);
    clock.advance(STEP_TIMEOUT);
    fixture.driver.advanceWallClockTime(STEP_TIMEOUT);

    // Then the advice is asked, told that its figures are missing
    AgentTask advice = fixture.tasksOf(AgentType.RETAIL).readValue();
    assertThat(advice.getEarlierSteps()).extracting(EarlierStep::getStatus).containsExactly(StepStatus.MISSING);
    assertThat(responses.isEmpty()).isTrue();

    // When the advice answers
    results.pipeInput("q1", result("q1", AgentType.RETAIL, 2, ResultStatus.OK, text("Stock toys and lights."), 0));

    // Then the answer is partial, naming the figures' step
    Response response = responses.readValue();
    assertThat(response.getStatus()).isEqualTo(ResponseStatus.PARTIAL);
    assertThat(response.getAnswer().getText())
        .startsWith("Partial answer: step 1 (analytics) did not answer within 30 s.")
        .contains("Stock toys and lights.");
    assertThat(response.getAnswer().getRows()).isEmpty();
  }

  @Test
  void a_step_whose_agent_is_not_deployed_is_named_in_the_partial_answer() {
    // Given a forecast (ml, not deployed here) that builds on the figures
    ask("q1", "revenue by store last week; forecast demand for next month");

    // When the figures arrive
    results.pipeInput("q1", result("q1", AgentType.ANALYTICS, 1, ResultStatus.OK, figuresAnswer(), 0));

    // Then
    assertThat(fixture.tasksOf(AgentType.ML).isEmpty()).isTrue();
    Response response = responses.readValue();
    assertThat(response.getStatus()).isEqualTo(ResponseStatus.PARTIAL);
    assertThat(response.getAnswer().getText())
        .startsWith("Partial answer: step 2 (ml) could not run: the ml agent is not deployed here.");
  }

  @Test
  void every_plan_step_is_one_row_of_the_trace_and_the_last_carries_the_outcome() {
    // Given
    ask("q1", FIGURES_AND_POLICY);
    results.pipeInput("q1", result("q1", AgentType.ANALYTICS, 1, ResultStatus.OK, figuresAnswer(), 300));

    // When
    results.pipeInput("q1", result("q1", AgentType.RAG, 2, ResultStatus.FAILED, text(""), 200));

    // Then
    List<OrchestrationEvent> events = log.readValuesToList();
    assertThat(events).extracting(OrchestrationEvent::getStepNumber).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(events).extracting(OrchestrationEvent::getStepName)
        .containsExactly("classify", "gate", "plan", "agent", "agent", "respond");
    assertThat(events.get(2).getDetail()).contains("\"agent\":\"analytics\"", "\"agent\":\"rag\"");
    assertThat(events.get(3).getAgent()).isEqualTo(AgentType.ANALYTICS);
    assertThat(events.get(3).getDetail()).contains("\"plan_step\":1", "\"status\":\"answered\"");
    assertThat(events.get(4).getAgent()).isEqualTo(AgentType.RAG);
    assertThat(events.get(4).getDetail()).contains("\"plan_step\":2", "\"status\":\"failed\"");
    assertThat(events.subList(0, 5)).allSatisfy(e -> assertThat(e.getOutcome()).isNull());
    assertThat(events.get(5).getOutcome().getStatus()).isEqualTo("partial");
    assertThat(events.get(5).getOutcome().getTokensUsed()).isEqualTo(500);
    assertThat(responses.readValue().getAnswer().getText()).startsWith("Partial answer: step 2 (rag) failed.");
  }

  private void ask(String queryId, String text) {
    questions.pipeInput(queryId, Question.newBuilder()
        .setQueryId(queryId)
        .setTenantId(TENANT)
        .setQuestion(text)
        .setSubmittedAt(SUBMITTED)
        .build());
  }

  private AgentResult result(String queryId, AgentType agent, int step, ResultStatus status, Answer answer,
      long tokens) {
    return AgentResult.newBuilder()
        .setQueryId(queryId)
        .setTenantId(TENANT)
        .setAgent(agent)
        .setStepNumber(step)
        .setStatus(status)
        .setAnswer(answer)
        .setError(status == ResultStatus.FAILED ? "index unavailable" : null)
        .setTokensUsed(tokens)
        .setDurationMs(15)
        .setCompletedAt(clock.instant())
        .build();
  }

  private static Answer figuresAnswer() {
    return Answer.newBuilder()
        .setText("Store 1 leads with 1200.50.")
        .setSql("SELECT store, revenue FROM gold.sales_daily")
        .setColumns(List.of("store", "revenue"))
        .setColumnTypes(List.of("text", "decimal"))
        .setRows(List.of(List.of("Store 1", "1200.50"), List.of("Store 2", "980.00")))
        .setCitations(List.of())
        .build();
  }

  private static Answer policyAnswer() {
    return Answer.newBuilder(text("Returns are accepted within 30 days."))
        .setCitations(List.of(Citation.newBuilder().setSourceId("kb-returns").setTitle("Returns policy")
            .setSnippet("within 30 days").build()))
        .build();
  }

  private static Answer text(String text) {
    return Answer.newBuilder().setText(text).setSql(null).setColumns(List.of()).setColumnTypes(List.of())
        .setRows(List.of()).setCitations(List.of()).build();
  }

  private KeyValueStore<String, PendingQuestion> pendingStore() {
    return fixture.driver.getKeyValueStore(OrchestratorTopology.PENDING_QUESTIONS);
  }

  private KeyValueStore<String, Long> plansInFlight() {
    return fixture.driver.getKeyValueStore(OrchestratorTopology.PLANS_IN_FLIGHT);
  }
}
