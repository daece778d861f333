package io.suqi.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.suqi.orchestrator.classify.TrainedIntentClassifier;
import io.suqi.orchestrator.cost.PriceTable;
import io.suqi.orchestrator.route.PendingQuestion;
import io.suqi.schemas.AgentResult;
import io.suqi.schemas.AgentTask;
import io.suqi.schemas.AgentType;
import io.suqi.schemas.Answer;
import io.suqi.schemas.DeadLetter;
import io.suqi.schemas.Intent;
import io.suqi.schemas.OrchestrationEvent;
import io.suqi.schemas.QueryOutcome;
import io.suqi.schemas.Question;
import io.suqi.schemas.Response;
import io.suqi.schemas.ResponseStatus;
import io.suqi.schemas.ResponseStep;
import io.suqi.schemas.ResultStatus;
import io.suqi.schemas.Topic;
import io.suqi.schemas.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrchestratorTopologyTest {

  private static final Instant SUBMITTED = Instant.parse("2025-03-01T09:00:00Z");
  private static final String TENANT = "tenant-a";

  @TempDir
  Path stateDir;

  private final MutableClock clock = new MutableClock(SUBMITTED.plusMillis(50));
  private TopologyFixture fixture;
  private TopologyTestDriver driver;
  private TestInputTopic<String, Question> questions;
  private TestInputTopic<String, byte[]> rawQuestions;
  private TestInputTopic<String, AgentResult> results;
  private TestOutputTopic<String, Response> responses;
  private TestOutputTopic<String, ResponseStep> steps;
  private TestOutputTopic<String, OrchestrationEvent> log;
  private TestOutputTopic<String, DeadLetter> deadLetters;

  @BeforeEach
  void startDriver() {
    // ML is left undeployed on purpose, for the unavailable-agent case.
    OrchestratorConfig config = new OrchestratorConfig("test-orchestrator", "unused:9092", stateDir,
        EnumSet.of(AgentType.ANALYTICS, AgentType.RAG, AgentType.RETAIL, AgentType.SECURITY),
        new PriceTable(Map.of(AgentType.ANALYTICS, 0.01), 0.5));
    fixture = new TopologyFixture(config, TrainedIntentClassifier.shipped(), clock, stateDir);
    driver = fixture.driver;
    questions = input(Topics.QUERIES);
    rawQuestions = driver.createInputTopic(Topics.QUERIES.name(), Topics.QUERIES.keySerde().serializer(),
        new ByteArraySerializer());
    results = input(Topics.AGENT_RESULTS);
    responses = output(Topics.RESPONSES);
    steps = output(Topics.RESPONSE_STEPS);
    log = output(Topics.ORCHESTRATION_LOG);
    deadLetters = output(Topics.QUERIES_DEAD_LETTER);
  }

  @AfterEach
  void closeDriver() {
    fixture.close();
  }

  @Test
  void an_analytics_question_is_routed_to_the_analytics_agent() {
    // When
    ask("q1", "What were the top 5 stores by revenue last week?");

    // Then
    List<AgentTask> tasks = tasksOf(AgentType.ANALYTICS).readValuesToList();
    assertThat(tasks).hasSize(1);
    AgentTask task = tasks.get(0);
    assertThat(task.getQueryId()).isEqualTo("q1");
    assertThat(task.getTenantId()).isEqualTo(TENANT);
    assertThat(task.getPlatform()).isEqualTo("chat");
    assertThat(task.getQuestion()).isEqualTo("What were the top 5 stores by revenue last week?");
    assertThat(task.getIntent()).isEqualTo(Intent.ANALYTICS);
    assertThat(task.getConfidence()).isBetween(0.5, 1.0);
    assertThat(task.getAgent()).isEqualTo(AgentType.ANALYTICS);
    assertThat(task.getStepNumber()).isEqualTo(1);
    assertThat(task.getContextLimit()).isEqualTo(7);
    assertThat(task.getIssuedAt()).isEqualTo(clock.millis());
    assertThat(pendingStore().get("q1")).isEqualTo(new PendingQuestion(TENANT, Intent.ANALYTICS,
        task.getConfidence(), AgentType.ANALYTICS, SUBMITTED, clock.instant(), null,
        io.suqi.orchestrator.cache.CacheKey.of(TENANT, AgentType.ANALYTICS, 7,
            "What were the top 5 stores by revenue last week?"), false, null, 12));   // 48 bytes: 12 tokens
    assertThat(responses.isEmpty()).isTrue();
    List<ResponseStep> progress = steps.readValuesToList();
    assertThat(progress).extracting(ResponseStep::getStepName).containsExactly("classify", "route");
    assertThat(progress.get(0).getMessage()).isEqualTo("Understood as analytics (confidence "
        + String.format(java.util.Locale.ROOT, "%.2f", task.getConfidence()) + ")");
    assertThat(progress.get(1).getMessage()).isEqualTo("Asked the analytics agent");
  }

  @Test
  void an_agent_result_becomes_the_response_and_a_duplicate_adds_nothing() {
    // Given
    ask("q1", "Total sales by store this month");
    clock.advance(Duration.ofMillis(1450));
    AgentResult result = result("q1", ResultStatus.OK, 1200, 321);

    // When
    results.pipeInput("q1", result);
    results.pipeInput("q1", result); // redelivered

    // Then
    List<Response> answered = responses.readValuesToList();
    assertThat(answered).hasSize(1);
    Response response = answered.get(0);
    assertThat(response.getQueryId()).isEqualTo("q1");
    assertThat(response.getTenantId()).isEqualTo(TENANT);
    assertThat(response.getIntent()).isEqualTo(Intent.ANALYTICS);
    assertThat(response.getAgent()).isEqualTo(AgentType.ANALYTICS);
    assertThat(response.getStatus()).isEqualTo(ResponseStatus.ANSWERED);
    assertThat(response.getAnswer()).isEqualTo(result.getAnswer());
    assertThat(response.getAnswer().getRows()).containsExactly(List.of("Store 1", "1200.50"), List.of("Store 2", "980.00"));
    assertThat(response.getCacheHit()).isFalse();
    assertThat(response.getLatencyMs()).isEqualTo(1500);
    assertThat(response.getCompletedAt()).isEqualTo(SUBMITTED.plusMillis(1500));
    assertThat(pendingStore().get("q1")).isNull();
  }

  @Test
  void failed_and_unanswerable_results_keep_their_status() {
    // Given
    ask("q1", "Total sales by store");
    ask("q2", "Revenue per store");

    // When
    results.pipeInput("q1", result("q1", ResultStatus.FAILED, 10, 0));
    results.pipeInput("q2", result("q2", ResultStatus.UNANSWERABLE, 10, 0));

    // Then
    assertThat(responses.readValuesToList()).extracting(Response::getStatus)
        .containsExactly(ResponseStatus.FAILED, ResponseStatus.UNANSWERABLE);
  }

  @Test
  void a_result_for_an_unknown_question_is_ignored() {
    // When
    results.pipeInput("nobody-asked", result("nobody-asked", ResultStatus.OK, 10, 0));

    // Then
    assertThat(responses.isEmpty()).isTrue();
    assertThat(log.isEmpty()).isTrue();
  }

  @Test
  void an_out_of_scope_question_is_answered_without_an_agent() {
    // When
    ask("q1", "Tell me a joke about penguins");

    // Then
    for (AgentType agent : AgentType.values()) {
      assertThat(tasksOf(agent).isEmpty()).as(agent.name()).isTrue();
    }
    Response response = responses.readValue();
    assertThat(response.getStatus()).isEqualTo(ResponseStatus.OUT_OF_SCOPE);
    assertThat(response.getIntent()).isEqualTo(Intent.GENERAL);
    assertThat(response.getAgent()).isNull();
    assertThat(response.getAnswer().getText()).contains("sales analytics", "forecasts", "policies", "pricing",
        "security");
    assertThat(response.getLatencyMs()).isEqualTo(50);
    assertThat(pendingStore().get("q1")).isNull();
  }

  @Test
  void a_question_for_an_undeployed_agent_is_unanswerable() {
    // When
    ask("q1", "Forecast demand for next month");

    // Then
    assertThat(tasksOf(AgentType.ML).isEmpty()).isTrue();
    Response response = responses.readValue();
    assertThat(response.getStatus()).isEqualTo(ResponseStatus.UNANSWERABLE);
    assertThat(response.getIntent()).isEqualTo(Intent.ML);
    assertThat(response.getAnswer().getText()).contains("ml agent", "not deployed");
  }

  @Test
  void a_malformed_value_is_dead_lettered_and_the_next_question_still_routed() {
    // Given
    byte[] garbage = "not avro".getBytes(StandardCharsets.UTF_8);

    // When
    rawQuestions.pipeInput("bad", garbage);
    ask("q2", "Average basket size by store");

    // Then
    DeadLetter deadLetter = deadLetters.readValue();
    assertThat(deadLetter.getSourceTopic()).isEqualTo(Topics.QUERIES.name());
    assertThat(deadLetter.getOffset()).isZero();
    assertThat(deadLetter.getKey()).isEqualTo(ByteBuffer.wrap("bad".getBytes(StandardCharsets.UTF_8)));
    assertThat(deadLetter.getValue()).isEqualTo(ByteBuffer.wrap(garbage));
    assertThat(deadLetter.getReason()).contains("not a Question");
    assertThat(deadLetter.getFailedAt()).isEqualTo(clock.instant());
    assertThat(tasksOf(AgentType.ANALYTICS).readValue().getQueryId()).isEqualTo("q2");
  }

  @Test
  void a_question_without_tenant_or_text_is_dead_lettered() {
    // When
    questions.pipeInput("q1", question("q1", "   ").setTenantId(TENANT).build());
    questions.pipeInput("q2", question("q2", "Revenue by store").setTenantId("").build());

    // Then
    assertThat(deadLetters.readValuesToList()).extracting(DeadLetter::getReason)
        .containsExactly("question is empty", "tenant_id is missing");
    assertThat(tasksOf(AgentType.ANALYTICS).isEmpty()).isTrue();
  }

  @Test
  void every_step_of_an_answered_question_is_logged_with_the_outcome_last() {
    // Given
    ask("q1", "Top stores by revenue");
    clock.advance(Duration.ofMillis(950));

    // When
    results.pipeInput("q1", result("q1", ResultStatus.OK, 800, 400));

    // Then
    List<OrchestrationEvent> events = log.readValuesToList();
    assertThat(events).extracting(OrchestrationEvent::getStepNumber).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(events).extracting(OrchestrationEvent::getStepName)
        .containsExactly("classify", "gate", "cache", "route", "agent", "respond");
    assertThat(events).allSatisfy(e -> assertThat(e.getQueryId()).isEqualTo("q1"));
    assertThat(events.get(0).getDetail()).startsWith("{\"intent\":\"analytics\",\"confidence\":");
    assertThat(events.get(1).getDetail()).isEqualTo("{\"verdict\":\"admitted\",\"user\":null,\"role\":\"user\",\"platform\":\"chat\"}");
    assertThat(events.get(2).getDetail()).isEqualTo("{\"hit\":false}");
    assertThat(events.get(4).getDurationMs()).isEqualTo(800);
    assertThat(events.get(4).getAgent()).isEqualTo(AgentType.ANALYTICS);
    assertThat(events.subList(0, 5)).allSatisfy(e -> assertThat(e.getOutcome()).isNull());
    QueryOutcome outcome = events.get(5).getOutcome();
    assertThat(outcome.getIntent()).isEqualTo(Intent.ANALYTICS);
    assertThat(outcome.getStatus()).isEqualTo("answered");
    assertThat(outcome.getResponseTimeMs()).isEqualTo(1000);
    assertThat(outcome.getTokensUsed()).isEqualTo(400);
    assertThat(outcome.getCostUsd()).isCloseTo(0.004, offset(1e-12));
    assertThat(outcome.getCacheHit()).isFalse();
  }

  @Test
  void a_step_whose_agent_counts_no_tokens_is_metered_by_the_token_rule_and_priced_for_its_agent() {
    // Given
    ask("q1", "Top stores by revenue");

    // When the agent reports no tokens of its own (it runs no language model)
    results.pipeInput("q1", result("q1", ResultStatus.OK, 800, 0));

    // Then one token per 4 UTF-8 bytes of each text, rounded up: the question (21 bytes: 6), the
    // answer's text (14: 4), its SQL (45: 12) and its four cells (7, 7, 7 and 6 bytes: 2 each)
    List<OrchestrationEvent> events = log.readValuesToList();
    assertThat(events.get(4).getDetail()).contains("\"tokens_used\":30");
    QueryOutcome outcome = events.get(5).getOutcome();
    assertThat(outcome.getTokensUsed()).isEqualTo(30);
    // And priced at the analytics agent's 0.01 USD per 1,000 tokens, not the default's 0.5
    assertThat(outcome.getCostUsd()).isCloseTo(0.0003, offset(1e-12));
  }

  @Test
  void an_out_of_scope_question_logs_classify_gate_and_respond() {
    // When
    ask("q1", "What's the weather like on Mars?");

    // Then
    List<OrchestrationEvent> events = log.readValuesToList();
    assertThat(events).extracting(OrchestrationEvent::getStepNumber).containsExactly(1, 2, 6);
    assertThat(events.get(2).getOutcome().getStatus()).isEqualTo("out_of_scope");
    assertThat(events.get(2).getOutcome().getIntent()).isEqualTo(Intent.GENERAL);
    assertThat(events.get(2).getAgent()).isNull();
  }

  private void ask(String queryId, String text) {
    questions.pipeInput(queryId, question(queryId, text).build());
  }

  private static Question.Builder question(String queryId, String text) {
    return Question.newBuilder()
        .setQueryId(queryId)
        .setTenantId(TENANT)
        .setQuestion(text)
        .setContextLimit(7)
        .setSubmittedAt(SUBMITTED);
  }

  private AgentResult result(String queryId, ResultStatus status, long durationMs, long tokens) {
    return AgentResult.newBuilder()
        .setQueryId(queryId)
        .setTenantId(TENANT)
        .setAgent(AgentType.ANALYTICS)
        .setStepNumber(1)
        .setStatus(status)
        .setAnswer(Answer.newBuilder()
            .setText("Store 1 leads.")
            .setSql("SELECT store, revenue FROM gold.store_revenue")
            .setColumns(List.of("store", "revenue"))
            .setColumnTypes(List.of("text", "decimal"))
            .setRows(List.of(List.of("Store 1", "1200.50"), List.of("Store 2", "980.00")))
            .build())
        .setTokensUsed(tokens)
        .setDurationMs(durationMs)
        .setCompletedAt(clock.instant())
        .build();
  }

  private TestOutputTopic<String, AgentTask> tasksOf(AgentType agent) {
    return fixture.tasksOf(agent);
  }

  private KeyValueStore<String, PendingQuestion> pendingStore() {
    return driver.getKeyValueStore(OrchestratorTopology.PENDING_QUESTIONS);
  }

  private <V> TestInputTopic<String, V> input(Topic<String, V> topic) {
    return fixture.input(topic);
  }

  private <V> TestOutputTopic<String, V> output(Topic<String, V> topic) {
    return fixture.output(topic);
  }
}
