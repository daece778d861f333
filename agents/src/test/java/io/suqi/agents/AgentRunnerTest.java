package io.suqi.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.suqi.schemas.AgentResult;
import io.suqi.schemas.AgentTask;
import io.suqi.schemas.AgentType;
import io.suqi.schemas.Intent;
import io.suqi.schemas.ResultStatus;
import io.suqi.schemas.Topic;
import io.suqi.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The task loop with Kafka's in-memory MockConsumer and MockProducer (no broker). */
class AgentRunnerTest {

  private static final Instant NOW = Instant.parse("2026-01-05T10:15:00Z");
  private static final Topic<String, AgentTask> TASKS = Topics.tasksFor(AgentType.ANALYTICS);
  private static final TopicPartition PARTITION = new TopicPartition(TASKS.name(), 0);

  private final MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
  private AgentRunner runner;

  @AfterEach
  void stopRunner() {
    if (runner != null) {
      runner.stop();
    }
  }

  private static AgentTask task(String queryId, String question) {
    return AgentTask.newBuilder().setQueryId(queryId).setTenantId("acme").setPlatform("test").setQuestion(question)
        .setIntent(Intent.ANALYTICS).setConfidence(0.9).setAgent(AgentType.ANALYTICS).setStepNumber(1)
        .setContextLimit(10).setIssuedAt(NOW.toEpochMilli()).build();
  }

  private static ConsumerRecord<String, byte[]> record(long offset, String key, byte[] value) {
    return new ConsumerRecord<>(TASKS.name(), 0, offset, key, value);
  }

  private static byte[] encoded(AgentTask task) {
    return TASKS.valueSerde().serializer().serialize(TASKS.name(), task);
  }

  /** Echoes the question back as an OK answer. */
  private static AgentResult echo(AgentTask task) {
    return AgentResults.of(task, ResultStatus.OK, AgentResults.textAnswer(task.getQuestion(), null), null,
        Duration.ZERO, NOW);
  }

  private AgentRunner runner(TaskHandler handler, MockProducer<String, AgentResult> producer) {
    return new AgentRunner(AgentType.ANALYTICS, handler, Duration.ofMillis(10), () -> consumer, () -> producer,
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static MockProducer<String, AgentResult> producer(boolean acknowledgeAtOnce) {
    return new MockProducer<>(acknowledgeAtOnce, null, Topics.AGENT_RESULTS.keySerde().serializer(),
        Topics.AGENT_RESULTS.valueSerde().serializer());
  }

  /** Assigns the partition at the first poll, then hands over the records at the next. */
  private void deliverOnPoll(List<ConsumerRecord<String, byte[]>> records) {
    consumer.schedulePollTask(() -> {
      consumer.rebalance(List.of(PARTITION));
      consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
    });
    consumer.schedulePollTask(() -> records.forEach(consumer::addRecord));
  }

  private Long committedOffset() {
    OffsetAndMetadata committed = consumer.committed(Set.of(PARTITION)).get(PARTITION);
    return committed == null ? null : committed.offset();
  }

  @Test
  void producesEachResultKeyedByQueryIdThenCommits() {
    // Given two tasks on the analytics task topic
    MockProducer<String, AgentResult> producer = producer(true);
    deliverOnPoll(List.of(record(0, "q1", encoded(task("q1", "first"))), record(1, "q2", encoded(task("q2", "second")))));
    runner = runner(AgentRunnerTest::echo, producer);
    // When
    runner.start();
    // Then both results go to the results topic, keyed by query id, and both offsets are committed
    await().atMost(Duration.ofSeconds(10)).until(() -> Long.valueOf(2).equals(committedOffset()));
    assertThat(producer.history()).extracting(ProducerRecord::topic).containsOnly(Topics.AGENT_RESULTS.name());
    assertThat(producer.history()).extracting(ProducerRecord::key).containsExactly("q1", "q2");
    assertThat(producer.history()).extracting(r -> r.value().getAnswer().getText()).containsExactly("first", "second");
    assertThat(consumer.subscription()).containsExactly(TASKS.name());
  }

  @Test
  void anIdleAgentCommitsThePositionItMovedToWithoutARecord() {
    // Given a task answered and committed at offset 1
    MockProducer<String, AgentResult> producer = producer(true);
    deliverOnPoll(List.of(record(0, "q1", encoded(task("q1", "first")))));
    runner = runner(AgentRunnerTest::echo, producer);
    runner.start();
    await().atMost(Duration.ofSeconds(10)).until(() -> Long.valueOf(1).equals(committedOffset()));
    // When a later poll moves the position to 2 and returns nothing, as when it steps over the
    // commit marker of the orchestrator's transaction
    consumer.schedulePollTask(() -> consumer.seek(PARTITION, 2));
    // Then the agent commits 2, so its lag reads 0 while it is idle
    await().atMost(Duration.ofSeconds(10)).until(() -> Long.valueOf(2).equals(committedOffset()));
    assertThat(producer.history()).hasSize(1);
  }

  @Test
  void skipsARecordThatIsNotATaskAndCarriesOn() {
    // Given garbage and an empty value before a good task
    MockProducer<String, AgentResult> producer = producer(true);
    deliverOnPoll(List.of(record(0, "bad", "not avro".getBytes(StandardCharsets.UTF_8)), record(1, "empty", null),
        record(2, "q3", encoded(task("q3", "still answered")))));
    runner = runner(AgentRunnerTest::echo, producer);
    // When
    runner.start();
    // Then only the good task is answered, and the loop moved past the bad ones
    await().atMost(Duration.ofSeconds(10)).until(() -> Long.valueOf(3).equals(committedOffset()));
    assertThat(producer.history()).extracting(ProducerRecord::key).containsExactly("q3");
    assertThat(runner.isRunning()).isTrue();
  }

  @Test
  void aHandlerExceptionBecomesAFailedResult() {
    // Given a handler that throws
    MockProducer<String, AgentResult> producer = producer(true);
    deliverOnPoll(List.of(record(0, "q4", encoded(task("q4", "boom")))));
    runner = runner(task -> {
      throw new IllegalStateException("database on fire");
    }, producer);
    // When
    runner.start();
    // Then
    await().atMost(Duration.ofSeconds(10)).until(() -> Long.valueOf(1).equals(committedOffset()));
    AgentResult result = producer.history().get(0).value();
    assertThat(result.getStatus()).isEqualTo(ResultStatus.FAILED);
    assertThat(result.getError()).isEqualTo("database on fire");
    assertThat(result.getQueryId()).isEqualTo("q4");
    assertThat(result.getAgent()).isEqualTo(AgentType.ANALYTICS);
    assertThat(result.getCompletedAt()).isEqualTo(NOW);
  }

  @Test
  void aResultThatWasNotAcknowledgedIsNotCommittedAndTheTaskComesBack() {
    // Given a producer whose sends the test acknowledges or fails
    MockProducer<String, AgentResult> producer = producer(false);
    ConsumerRecord<String, byte[]> task = record(0, "q5", encoded(task("q5", "retry me")));
    deliverOnPoll(List.of(task));
    runner = runner(AgentRunnerTest::echo, producer);
    runner.start();
    await().atMost(Duration.ofSeconds(10)).until(() -> producer.history().size() == 1);
    // When the broker never acknowledges the first result
    assertThat(producer.errorNext(new TimeoutException("broker gone"))).isTrue();
    // Then nothing is committed and the partition is rewound to the task
    await().atMost(Duration.ofSeconds(10)).until(() -> consumer.position(PARTITION) == 0);
    assertThat(committedOffset()).isNull();
    // When the task is fetched again and this time acknowledged
    consumer.schedulePollTask(() -> consumer.addRecord(task));
    await().atMost(Duration.ofSeconds(10)).until(() -> producer.history().size() == 2);
    assertThat(producer.completeNext()).isTrue();
    // Then it is committed
    await().atMost(Duration.ofSeconds(10)).until(() -> Long.valueOf(1).equals(committedOffset()));
    assertThat(producer.history()).extracting(ProducerRecord::key).containsExactly("q5", "q5");
  }

  @Test
  void aTaskThatOutlivesItsTimeoutBecomesAFailedStepWithTheReasonAndTheNextIsAnswered() {
    // Given a handler that never finishes "hang" (until interrupted), and a timeout of 200 ms
    MockProducer<String, AgentResult> producer = producer(true);
    deliverOnPoll(List.of(record(0, "q6", encoded(task("q6", "hang"))), record(1, "q7", encoded(task("q7", "quick")))));
    runner = new AgentRunner(AgentType.ANALYTICS, task -> {
      if (task.getQuestion().equals("hang")) {
        try {
          Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return echo(task);
    }, new TaskLimits(1, Duration.ofMillis(200)), Duration.ofMillis(10), () -> consumer, () -> producer,
        Clock.fixed(NOW, ZoneOffset.UTC));
    // When
    runner.start();
    // Then the question is not lost: it is answered as failed, with why, and the next one as usual
    await().atMost(Duration.ofSeconds(10)).until(() -> Long.valueOf(2).equals(committedOffset()));
    assertThat(producer.history()).extracting(ProducerRecord::key).containsExactly("q6", "q7");
    AgentResult hung = producer.history().get(0).value();
    assertThat(hung.getStatus()).isEqualTo(ResultStatus.FAILED);
    assertThat(hung.getError()).isEqualTo("did not answer within 200 ms");
    assertThat(hung.getAnswer().getText()).contains("could not answer", "did not answer within 200 ms");
    assertThat(producer.history().get(1).value().getStatus()).isEqualTo(ResultStatus.OK);
  }

  @Test
  void theTasksOfAPollRunSideBySideButNoMoreThanTheConcurrency() {
    // Given three tasks, a concurrency of 2, and a handler that waits for a second task to join it
    MockProducer<String, AgentResult> producer = producer(true);
    deliverOnPoll(List.of(record(0, "a", encoded(task("a", "a"))), record(1, "b", encoded(task("b", "b"))),
        record(2, "c", encoded(task("c", "c")))));
    java.util.concurrent.CountDownLatch pair = new java.util.concurrent.CountDownLatch(2);
    java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger mostInFlight = new java.util.concurrent.atomic.AtomicInteger();
    runner = new AgentRunner(AgentType.ANALYTICS, task -> {
      mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      pair.countDown();
      try {
        boolean joined = pair.await(5, java.util.concurrent.TimeUnit.SECONDS);
        return AgentResults.of(task, joined ? ResultStatus.OK : ResultStatus.FAILED,
            AgentResults.textAnswer(task.getQuestion(), null), null, Duration.ZERO, NOW);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      } finally {
        inFlight.decrementAndGet();
      }
    }, new TaskLimits(2, Duration.ofSeconds(30)), Duration.ofMillis(10), () -> consumer, () -> producer,
        Clock.fixed(NOW, ZoneOffset.UTC));
    // When
    runner.start();
    // Then two ran together (neither waited alone), never three, and the results keep the tasks' order
    await().atMost(Duration.ofSeconds(20)).until(() -> Long.valueOf(3).equals(committedOffset()));
    assertThat(producer.history()).extracting(ProducerRecord::key).containsExactly("a", "b", "c");
    assertThat(producer.history()).extracting(r -> r.value().getStatus()).containsOnly(ResultStatus.OK);
    assertThat(mostInFlight.get()).isEqualTo(2);
  }

  @Test
  void limitsRejectNonsense() {
    assertThatThrownBy(() -> new TaskLimits(0, Duration.ofSeconds(1))).hasMessageContaining("concurrency");
    assertThatThrownBy(() -> new TaskLimits(2, Duration.ZERO)).hasMessageContaining("timeout");
    assertThatThrownBy(() -> new TaskLimits(2, Duration.ofMinutes(10))).hasMessageContaining("timeout");
  }

  @Test
  void stopClosesBothClientsAndIsIdempotent() {
    // Given a running runner
    MockProducer<String, AgentResult> producer = producer(true);
    runner = runner(AgentRunnerTest::echo, producer);
    runner.start();
    // When
    runner.stop();
    runner.stop();
    // Then
    assertThat(runner.isRunning()).isFalse();
    assertThat(consumer.closed()).isTrue();
    assertThat(producer.closed()).isTrue();
    assertThatThrownBy(runner::start).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void stopBeforeStartIsHarmless() {
    // Given
    runner = runner(AgentRunnerTest::echo, producer(true));
    // When / Then
    runner.stop();
    assertThat(runner.isRunning()).isFalse();
  }

  @Test
  void configRejectsNonsense() {
    assertThatThrownBy(() -> new AgentConfig(" ", "g")).hasMessageContaining("bootstrapServers");
    assertThatThrownBy(() -> new AgentConfig("localhost:9092", "g", Duration.ZERO, 10)).hasMessageContaining("pollTimeout");
    assertThatThrownBy(() -> new AgentConfig("localhost:9092", "g", Duration.ofMillis(100), 0))
        .hasMessageContaining("maxPollRecords");
    assertThat(new AgentConfig("localhost:9092", "g").pollTimeout()).isEqualTo(AgentConfig.DEFAULT_POLL_TIMEOUT);
  }
}
