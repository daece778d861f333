package io.suqi.connectors.outbox;

import io.suqi.schemas.DeadLetter;
import io.suqi.schemas.Question;
import io.suqi.schemas.TenantPartitioner;
import io.suqi.schemas.Topics;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.json.JsonConverterConfig;
import org.apache.kafka.connect.storage.ConverterType;
import org.apache.kafka.connect.transforms.Transformation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka Connect transformation for the sql-questions connector: turns Debezium's change event of
 * a new suqi.outbox row into the Avro {@link Question} on suqi.queries, encoded by the same
 * {@link Topics#QUERIES} serde as the HTTP gateway's, so the orchestrator has one input format.
 * The connector writes what this returns as is (ByteArrayConverter).
 *
 * <ul>
 *   <li>An insert or a snapshot read of a row becomes a Question, keyed by its query id, on the
 *       partition of its tenant ({@link TenantPartitioner}), as the gateway's producer writes it.
 *   <li>A row that cannot become a Question goes to suqi.queries.dlq as a {@link DeadLetter}
 *       with the reason and the row as JSON; the connector goes on.
 *   <li>Updates, deletes and tombstones are dropped: a question is asked once, by its insert.
 *   <li>Anything else (Debezium's heartbeats) passes through as plain JSON, as retail-cdc writes it.
 * </ul>
 */
public final class OutboxToQuestion<R extends ConnectRecord<R>> implements Transformation<R> {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxToQuestion.class);
  private static final Set<String> ASKING_OPERATIONS = Set.of("c", "r"); // create, snapshot read

  private final Serializer<String> queryKeys = Topics.QUERIES.keySerde().serializer();
  private final Serializer<Question> questions = Topics.QUERIES.valueSerde().serializer();
  private final Serializer<String> deadLetterKeys = Topics.QUERIES_DEAD_LETTER.keySerde().serializer();
  private final Serializer<DeadLetter> deadLetters = Topics.QUERIES_DEAD_LETTER.valueSerde().serializer();
  private final JsonConverter keyJson = new JsonConverter();
  private final JsonConverter valueJson = new JsonConverter();
  private final Clock clock;

  public OutboxToQuestion() {
    this(Clock.systemUTC());
  }

  OutboxToQuestion(Clock clock) {
    this.clock = clock;
    configure(Map.of());
  }

  @Override
  public void configure(Map<String, ?> configs) {
    keyJson.configure(Map.of(JsonConverterConfig.SCHEMAS_ENABLE_CONFIG, false,
        JsonConverterConfig.TYPE_CONFIG, ConverterType.KEY.getName()));
    valueJson.configure(Map.of(JsonConverterConfig.SCHEMAS_ENABLE_CONFIG, false,
        JsonConverterConfig.TYPE_CONFIG, ConverterType.VALUE.getName()));
  }

  @Override
  public R apply(R record) {
    if (record.value() == null) {
      return null; // the tombstone after a delete
    }
    if (!(record.value() instanceof Struct change) || !isChangeEvent(change.schema())) {
      return asJson(record);
    }
    if (!ASKING_OPERATIONS.contains(change.getString("op"))) {
      return null;
    }
    Struct after = change.getStruct("after");
    try {
      Question question = OutboxRow.of(after).toQuestion();
      String topic = Topics.QUERIES.name();
      int partition = TenantPartitioner.partitionOf(question.getTenantId(), Topics.QUERIES.partitions());
      return record.newRecord(topic, partition, Schema.BYTES_SCHEMA, queryKeys.serialize(topic, question.getQueryId()),
          Schema.BYTES_SCHEMA, questions.serialize(topic, question), record.timestamp());
    } catch (OutboxRow.MalformedOutboxRow | org.apache.avro.AvroRuntimeException e) {
      return deadLetter(record, after, e.getMessage());
    }
  }

  /** Debezium's change event: an envelope with op, before, after and source. */
  private static boolean isChangeEvent(Schema schema) {
    return schema.type() == Schema.Type.STRUCT && schema.field("op") != null && schema.field("after") != null;
  }

  private R deadLetter(R record, Struct row, String reason) {
    String topic = Topics.QUERIES_DEAD_LETTER.name();
    String queryId = row != null && row.schema().field("query_id") != null && row.get("query_id") instanceof String id
        ? id : null;
    String fullReason = "outbox row " + (queryId == null ? "(no query id)" : queryId) + " from " + record.topic()
        + " is not a Question: " + reason;
    LOG.warn("{}; sent to {}", fullReason, topic);
    byte[] rowJson = row == null ? null : valueJson.fromConnectData(record.topic(), row.schema(), row);
    DeadLetter letter = DeadLetter.newBuilder()
        .setSourceTopic(record.topic())
        .setPartition(-1) // a source record has no Kafka position yet
        .setOffset(-1)
        .setKey(queryId == null ? null : ByteBuffer.wrap(queryKeys.serialize(topic, queryId)))
        .setValue(rowJson == null ? null : ByteBuffer.wrap(rowJson))
        .setReason(fullReason)
        .setFailedAt(clock.instant())
        .build();
    return record.newRecord(topic, null, Schema.OPTIONAL_BYTES_SCHEMA,
        queryId == null ? null : deadLetterKeys.serialize(topic, queryId),
        Schema.BYTES_SCHEMA, deadLetters.serialize(topic, letter), record.timestamp());
  }

  private R asJson(R record) {
    byte[] key = record.key() == null ? null : keyJson.fromConnectData(record.topic(), record.keySchema(), record.key());
    byte[] value = valueJson.fromConnectData(record.topic(), record.valueSchema(), record.value());
    return record.newRecord(record.topic(), record.kafkaPartition(), Schema.OPTIONAL_BYTES_SCHEMA, key,
        Schema.OPTIONAL_BYTES_SCHEMA, value, record.timestamp());
  }

  @Override
  public ConfigDef config() {
    return new ConfigDef();
  }

  @Override
  public void close() {
    keyJson.close();
    valueJson.close();
  }
}
