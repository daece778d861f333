package io.suqi.orchestrator.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.suqi.schemas.AgentType;
import io.suqi.schemas.OrchestrationEvent;
import io.suqi.schemas.Topics;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The writer's consume → write → commit loop, on a MockConsumer and an embedded Postgres that can be "down". */
class OrchestrationLogWriterTest {

  private static final TopicPartition PARTITION = new TopicPartition(Topics.ORCHESTRATION_LOG.name(), 0);
  private static final Duration WAIT = Duration.ofSeconds(10);

  private static ScoutDatabase database;
  private final AtomicBoolean postgresDown = new AtomicBoolean();
  private final AtomicInteger refusedConnections = new AtomicInteger();
  private MockConsumer<String, byte[]> consumer;
  private OrchestrationLogWriter writer;

  @BeforeAll
  static void startPostgres() {
    database = ScoutDatabase.start();
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    database.close();
  }

  @BeforeEach
  void startWriter() throws SQLException {
    database.execute("TRUNCATE scout.orchestration_trace, scout.ai_orchestration_log");
    consumer = new MockConsumer<>("earliest");
    consumer.schedulePollTask(() -> {
      consumer.rebalance(List.of(PARTITION));
      consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
    });
    writer = new OrchestrationLogWriter(() -> consumer, new OrchestrationLogStore(switchable(database.dataSource())));
    writer.start();
  }

  @AfterEach
  void stopWriter() {
    writer.stop();
  }

  @Test
  void events_are_written_then_their_offsets_committed() throws SQLException {
    // When
    publish(0, event("q1", Step.CLASSIFY));
    publish(1, event("q1", Step.ROUTE));

    // Then
    await().atMost(WAIT).until(() -> committedOffset() == 2);
    assertThat(database.rows("SELECT step_name FROM scout.orchestration_trace ORDER BY step_number"))
        .containsExactly("classify", "route");
  }

  @Test
  void an_undecodable_record_is_skipped_and_the_rest_written() throws SQLException {
    // When
    publish(0, "garbage".getBytes(StandardCharsets.UTF_8));
    publish(1, event("q1", Step.CLASSIFY));

    // Then
    await().atMost(WAIT).until(() -> committedOffset() == 2);
    assertThat(database.rows("SELECT query_id FROM scout.orchestration_trace")).containsExactly("q1");
  }

  @Test
  void while_postgres_is_down_nothing_is_committed_and_the_batch_is_read_again() throws SQLException {
    // Given
    postgresDown.set(true);

    // When
    publish(0, event("q1", Step.CLASSIFY));
    await().atMost(WAIT).until(() -> refusedConnections.get() >= 1);

    // Then: not committed, and the consumer is back at the batch's start
    await().atMost(WAIT).until(() -> consumer.position(PARTITION) == 0);
    assertThat(committedOffset()).isEqualTo(-1);

    // When: Postgres is back and Kafka delivers the batch again
    postgresDown.set(false);
    publish(0, event("q1", Step.CLASSIFY));

    // Then
    await().atMost(WAIT).until(() -> committedOffset() == 1);
    assertThat(database.rows("SELECT count(*) FROM scout.orchestration_trace")).containsExactly("1");
  }

  @Test
  void stopping_twice_is_harmless() {
    writer.stop();
    writer.stop();
    assertThat(consumer.closed()).isTrue();
  }

  private void publish(long offset, OrchestrationEvent event) {
    publish(offset, Topics.ORCHESTRATION_LOG.valueSerde().serializer().serialize(PARTITION.topic(), event));
  }

  private void publish(long offset, byte[] value) {
    consumer.schedulePollTask(() -> consumer.addRecord(
        new ConsumerRecord<>(PARTITION.topic(), PARTITION.partition(), offset, "q1", value)));
  }

  private long committedOffset() {
    OffsetAndMetadata committed = consumer.committed(Set.of(PARTITION)).get(PARTITION);
    return committed == null ? -1 : committed.offset();
  }

  private static OrchestrationEvent event(String queryId, Step step) {
    return TraceEvents.step(queryId, "tenant-a", step, AgentType.ANALYTICS, Instant.parse("2025-03-01T09:00:00Z"), 1,
        TraceEvents.detail());
  }

  /** The real data source, except that it refuses connections while postgresDown is set. */
  private DataSource switchable(DataSource real) {
    return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
        (proxy, method, args) -> {
          if (method.getName().equals("getConnection") && postgresDown.get()) {
            refusedConnections.incrementAndGet();
            throw new SQLException("Connection refused (test)", "08001");
          }
          try {
            return method.invoke(real, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }
}
