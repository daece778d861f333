package io.suqi.platform.sqlmode;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.suqi.platform.gateway.AnswerJson;
import io.suqi.schemas.Response;
import io.suqi.schemas.Topics;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the answers to questions asked from SQL (suqi.outbox) back to PostgreSQL, into
 * suqi.answers in the JSON of POST /v1/ask, where suqi.answer() finds them.
 *
 * <p>Only SQL-mode answers: the insert takes its tenant from the outbox row and writes nothing
 * for a query id that is not there, so HTTP answers (already delivered to the waiting request)
 * are not copied into a table nobody reads. Each poll is one transaction; offsets are committed
 * after it, and the insert does nothing for an answer already there, so a redelivery is harmless.
 * While PostgreSQL is down the batch is retried with backoff and nothing is committed.
 */
public final class SqlAnswerWriter implements AutoCloseable {

  public static final String DEFAULT_GROUP_ID = "suqi-sql-answers";

  private static final Logger LOG = LoggerFactory.getLogger(SqlAnswerWriter.class);
  private static final Duration POLL_TIMEOUT = Duration.ofMillis(200);
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
  /** The outbox's query ids are UUIDs; anything else cannot be a SQL-mode question. */
  private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final String UPSERT = """
      INSERT INTO suqi.answers (query_id, tenant_id, response, answered_at)
      SELECT o.query_id, o.tenant_id, ?::jsonb, ? FROM suqi.outbox o
      WHERE o.query_id = ?::uuid AND o.tenant_id = ?
      ON CONFLICT (query_id) DO NOTHING""";

  private final String bootstrapServers;
  private final String groupId;
  private final Optional<String> groupInstanceId;
  private final DataSource dataSource;
  private final ObjectMapper json = new ObjectMapper();
  private final AnswerJson answers = new AnswerJson(json);
  private final Deserializer<Response> responses = Topics.RESPONSES.valueSerde().deserializer();
  private final CountDownLatch stopping = new CountDownLatch(1);
  private KafkaConsumer<String, byte[]> consumer;
  private Thread worker;

  /**
   * @param groupInstanceId a stable id of this instance (static membership), so a restart takes
   *     its partitions back at once
   */
  public SqlAnswerWriter(String bootstrapServers, String groupId, Optional<String> groupInstanceId,
      DataSource dataSource) {
    if (bootstrapServers == null || bootstrapServers.isBlank() || groupId == null || groupId.isBlank()) {
      throw new IllegalArgumentException("the SQL answer writer needs bootstrap servers and a group id");
    }
    this.bootstrapServers = bootstrapServers;
    this.groupId = groupId;
    this.groupInstanceId = groupInstanceId;
    this.dataSource = dataSource;
  }

  /** Starts writing on a thread of its own. */
  public synchronized void start() {
    if (worker != null) {
      throw new IllegalStateException("the SQL answer writer was already started");
    }
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, groupId);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    // A first start reads what was answered before it: a SQL caller may still be waiting for it.
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20); // someone polls suqi.answers for this
    groupInstanceId.ifPresent(id -> p.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, id));
    consumer = new KafkaConsumer<>(p, Topics.RESPONSES.keySerde().deserializer(), new ByteArrayDeserializer());
    worker = new Thread(this::run, "sql-answer-writer");
    worker.start();
  }

  /** Stops writing; what was written but not committed is redelivered next time. Idempotent. */
  public synchronized void stop() {
    stopping.countDown();
    if (worker == null) {
      return;
    }
    consumer.wakeup();
    try {
      worker.join(STOP_TIMEOUT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (worker.isAlive()) {
      LOG.warn("SQL answer writer did not stop within {}", STOP_TIMEOUT);
    }
  }

  @Override
  public void close() {
    stop();
  }

  private void run() {
    try (KafkaConsumer<String, byte[]> kafka = consumer) {
      kafka.subscribe(List.of(Topics.RESPONSES.name()));
      Duration backoff = FIRST_BACKOFF;
      while (!stopped()) {
        ConsumerRecords<String, byte[]> records = kafka.poll(POLL_TIMEOUT);
        if (records.isEmpty()) {
          continue;
        }
        if (write(decode(records), backoff)) {
          commit(kafka, records);
          backoff = FIRST_BACKOFF;
        } else {
          for (TopicPartition partition : records.partitions()) { // the next poll fetches the batch again
            kafka.seek(partition, records.records(partition).get(0).offset());
          }
          stopping.await(backoff.toMillis(), TimeUnit.MILLISECONDS);
          backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
      }
    } catch (WakeupException e) {
      if (!stopped()) {
        LOG.error("SQL answer writer woken up unexpectedly; it stops", e);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.error("SQL answer writer failed and stops; uncommitted answers are written again on restart", e);
    }
  }

  private List<Response> decode(ConsumerRecords<String, byte[]> records) {
    List<Response> decoded = new ArrayList<>(records.count());
    for (ConsumerRecord<String, byte[]> record : records) {
      try {
        Response response = responses.deserialize(record.topic(), record.value());
        if (response != null && UUID_TEXT.matcher(response.getQueryId()).matches()) {
          decoded.add(response);
        }
      } catch (SerializationException e) {
        LOG.warn("skipping undecodable response at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
            e.getMessage());
      }
    }
    return decoded;
  }

  private boolean write(List<Response> batch, Duration nextRetryIn) {
    if (batch.isEmpty()) {
      return true;
    }
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement upsert = c.prepareStatement(UPSERT)) {
        for (Response response : batch) {
          upsert.setString(1, json.writeValueAsString(answers.answered(response, response.getLatencyMs())));
          upsert.setTimestamp(2, Timestamp.from(response.getCompletedAt()));
          upsert.setString(3, response.getQueryId());
          upsert.setString(4, response.getTenantId());
          upsert.addBatch();
        }
        upsert.executeBatch();
        c.commit();
        return true;
      } catch (SQLException | RuntimeException | com.fasterxml.jackson.core.JsonProcessingException e) {
        c.rollback();
        throw e;
      }
    } catch (Exception e) { // the database is away (or the pool is): keep the batch and retry
      LOG.warn("cannot write {} answers to suqi.answers, retrying in {} ms (offsets not committed): {}",
          batch.size(), nextRetryIn.toMillis(), e.toString());
      return false;
    }
  }

  private static void commit(KafkaConsumer<String, byte[]> kafka, ConsumerRecords<String, byte[]> records) {
    Map<TopicPartition, OffsetAndMetadata> next = new java.util.HashMap<>();
    for (TopicPartition partition : records.partitions()) {
      List<ConsumerRecord<String, byte[]>> batch = records.records(partition);
      next.put(partition, new OffsetAndMetadata(batch.get(batch.size() - 1).offset() + 1));
    }
    try {
      kafka.commitSync(next);
    } catch (WakeupException e) {
      throw e;
    } catch (KafkaException e) {
      LOG.warn("cannot commit SQL answer offsets, the batch may be written again (harmlessly): {}", e.toString());
    }
  }

  private boolean stopped() {
    return stopping.getCount() == 0;
  }
}
