package io.suqi.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import io.suqi.orchestrator.cache.CacheKey;
import io.suqi.orchestrator.classify.TrainedIntentClassifier;
import io.suqi.orchestrator.cost.PriceTable;
import io.suqi.schemas.AgentResult;
import io.suqi.schemas.AgentTask;
import io.suqi.schemas.AgentType;
import io.suqi.schemas.AnsweredQuestion;
import io.suqi.schemas.Answer;
import io.suqi.schemas.OrchestrationEvent;
import io.suqi.schemas.Question;
import io.suqi.schemas.Response;
import io.suqi.schemas.ResponseStatus;
import io.suqi.schemas.ResponseStep;
import io.suqi.schemas.ResultStatus;
import io.suqi.schemas.Routing;
import io.suqi.schemas.Topic;
import io.suqi.schemas.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The router and the assembler each on a driver of its own, as the two applications they run as:
 * what the router writes for a question it hands on, and how the assembler answers whichever of a
 * task and its result it reads first. (The other topology tests run both in one topology.)
 */
class RouterAndAssemblerTopologyTest {

  private static final Instant SUBMITTED = Instant.parse("2025-03-01T09:00:00Z");
  private static final String TENANT = "tenant-a";
  private static final String QUESTION = "What were the top 5 stores by revenue last week?";

  @TempDir
  Path routerState;
  @TempDir
  Path assemblerState;

  private final MutableClock clock = new MutableClock(SUBMITTED.plusMillis(50));
  private TopologyTestDriver router;
  private TopologyTestDriver assembler;

  @BeforeEach
  void startDrivers() {
    OrchestratorConfig config = new OrchestratorConfig("test-orchestrator", "unused:9092", routerState,
        EnumSet.allOf(AgentType.class), new PriceTable(Map.of(AgentType.ANALYTICS, 0.01), 0.5));
    router = driver(OrchestratorTopology.router(config, TrainedIntentClassifier.shipped(), clock), routerState);
    assembler = driver(OrchestratorTopology.assembler(config, clock), assemblerState);
  }

  @AfterEach
  void closeDrivers() {
    router.close();
    assembler.close();
  }

  @Test
  void the_router_writes_one_record_for_a_question_it_sends_to_an_agent() {
    // When
    routedTask("q1");

    // Then nothing but the task: its routing steps travel in it
    assertThat(output(router, Topics.RESPONSES).isEmpty()).isTrue();
    assertThat(output(router, Topics.RESPONSE_STEPS).isEmpty()).isTrue();
    assertThat(output(router, Topics.ORCHESTRATION_LOG).isEmpty()).isTrue();
    for (AgentType other : EnumSet.complementOf(EnumSet.of(AgentType.ANALYTICS))) {
      assertThat(output(router, Topics.tasksFor(other)).isEmpty()).as(other.name()).isTrue();
    }
  }

  @Test
  void a_task_carries_what_the_assembler_needs_and_the_routing_steps() {
    // When
    AgentTask task = routedTask("q1");

    // Then
    Routing routing = task.getRouting();
    assertThat(routing.getSubmittedAt()).isEqualTo(SUBMITTED.toEpochMilli());
    assertThat(routing.getRoutedAt()).isEqualTo(task.getIssuedAt());
    assertThat(routing.getIntent()).isEqualTo(task.getIntent());
    assertThat(routing.getConfidence()).isEqualTo(task.getConfidence());
    assertThat(routing.getUserId()).isEqualTo("ana");
    assertThat(routing.getCacheKey()).isEqualTo(CacheKey.of(TENANT, AgentType.ANALYTICS, 10, QUESTION));
    assertThat(routing.getQuestionTokens()).isEqualTo(12);   // 48 bytes: 12 tokens
    assertThat(routing.getRole()).isEqualTo("user");
    assertThat(routing.getClassifiedAt()).isEqualTo(clock.millis());
    assertThat(routing.getGatedAt()).isEqualTo(clock.millis());
    assertThat(routing.getCacheStartedAt()).isEqualTo(clock.millis());
  }

  @Test
  void a_result_read_before_its_task_is_answered_from_the_routing_it_echoes() {
    // Given the router sent the task, but the assembler has not read it yet
    AgentTask task = routedTask("q1");
    clock.advance(Duration.ofMillis(300));

    // When the agent's result comes first
    input(assembler, Topics.AGENT_RESULTS).pipeInput("q1", result(task, task.getRouting()));

    // Then it is answered at once, with every step logged and streamed
    List<Response> responses = output(assembler, Topics.RESPONSES).readValuesToList();
    assertThat(responses).hasSize(1);
    assertThat(responses.get(0).getStatus()).isEqualTo(ResponseStatus.ANSWERED);
    assertThat(responses.get(0).getIntent()).isEqualTo(task.getIntent());
    assertThat(responses.get(0).getLatencyMs()).isEqualTo(350);
    assertThat(output(assembler, Topics.ORCHESTRATION_LOG).readValuesToList())
        .extracting(OrchestrationEvent::getStepName)
        .containsExactly("classify", "gate", "cache", "route", "agent", "respond");
    assertThat(output(assembler, Topics.RESPONSE_STEPS).readValuesToList()).extracting(ResponseStep::getStepName)
        .containsExactly("classify", "route", "respond");
    // And the router is told to count its tokens and cache it
    AnsweredQuestion answered = output(assembler, Topics.ANSWERED).readValue();
    assertThat(answered.getUserId()).isEqualTo("ana");
    assertThat(answered.getTokensUsed()).isEqualTo(40);
    assertThat(answered.getCacheFill().getCacheKey()).isEqualTo(task.getRouting().getCacheKey());
    assertThat(answered.getCacheFill().getResponse()).isEqualTo(responses.get(0));

    // When the task comes after all, and the result is redelivered
    input(assembler, Topics.tasksFor(AgentType.ANALYTICS)).pipeInput("q1", task);
    input(assembler, Topics.AGENT_RESULTS).pipeInput("q1", result(task, task.getRouting()));

    // Then nothing more: the question was answered once
    assertThat(output(assembler, Topics.ORCHESTRATION_LOG).isEmpty()).isTrue();
    assertThat(output(assembler, Topics.RESPONSES).isEmpty()).isTrue();
    assertThat(output(assembler, Topics.RESPONSE_STEPS).isEmpty()).isTrue();
    assertThat(output(assembler, Topics.ANSWERED).isEmpty()).isTrue();
    assertThat(assembler.getKeyValueStore(OrchestratorTopology.PENDING_QUESTIONS).get("q1")).isNull();
  }

  @Test
  void a_result_without_routing_waits_for_its_task() {
    // Given an agent that does not echo the routing
    AgentTask task = routedTask("q1");
    input(assembler, Topics.AGENT_RESULTS).pipeInput("q1", result(task, null));
    assertThat(output(assembler, Topics.RESPONSES).isEmpty()).isTrue();

    // When its task is read
    input(assembler, Topics.tasksFor(AgentType.ANALYTICS)).pipeInput("q1", task);

    // Then the question is answered, once
    assertThat(output(assembler, Topics.RESPONSES).readValuesToList()).hasSize(1);
    assertThat(assembler.getKeyValueStore(OrchestratorTopology.EARLY_RESULTS).get("q1")).isNull();
    input(assembler, Topics.AGENT_RESULTS).pipeInput("q1", result(task, null));
    assertThat(output(assembler, Topics.RESPONSES).isEmpty()).isTrue();
  }

  @Test
  void a_result_no_task_comes_for_is_dropped_after_ten_minutes() {
    // Given a result without routing whose task never comes (its question was answered before a restart)
    AgentTask task = routedTask("q1");
    input(assembler, Topics.AGENT_RESULTS).pipeInput("q1", result(task, null));

    // When ten minutes and more pass
    clock.advance(Duration.ofMinutes(11));
    assembler.advanceWallClockTime(Duration.ofMinutes(1));

    // Then it is gone, and nothing was answered
    assertThat(assembler.getKeyValueStore(OrchestratorTopology.EARLY_RESULTS).get("q1")).isNull();
    assertThat(output(assembler, Topics.RESPONSES).isEmpty()).isTrue();
  }

  /** Asks the router, as ana, and returns the one analytics task it wrote. */
  private AgentTask routedTask(String queryId) {
    input(router, Topics.QUERIES).pipeInput(queryId, Question.newBuilder()
        .setQueryId(queryId)
        .setTenantId(TENANT)
        .setUserId("ana")
        .setQuestion(QUESTION)
        .setSubmittedAt(SUBMITTED)
        .build());
    List<AgentTask> tasks = output(router, Topics.tasksFor(AgentType.ANALYTICS)).readValuesToList();
    assertThat(tasks).hasSize(1);
    return tasks.get(0);
  }

  private AgentResult result(AgentTask task, Routing echoed) {
    return AgentResult.newBuilder()
        .setQueryId(task.getQueryId())
        .setTenantId(task.getTenantId())
        .setAgent(task.getAgent())
        .setStepNumber(task.getStepNumber())
        .setStatus(ResultStatus.OK)
        .setAnswer(Answer.newBuilder().setText("Store 1 leads.").setSql("SELECT 1").setColumns(List.of())
            .setColumnTypes(List.of()).setRows(List.of()).setCitations(List.of()).build())
        .setTokensUsed(40)
        .setDurationMs(200)
        .setCompletedAt(clock.instant())
        .setRouting(echoed)
        .build();
  }

  private static TopologyTestDriver driver(Topology topology, Path stateDir) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "test-orchestrator");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    return new TopologyTestDriver(topology, props);
  }

  private static <V> TestInputTopic<String, V> input(TopologyTestDriver driver, Topic<String, V> topic) {
    return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
  }

  private static <V> TestOutputTopic<String, V> output(TopologyTestDriver driver, Topic<String, V> topic) {
    return driver.createOutputTopic(topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
  }
}
