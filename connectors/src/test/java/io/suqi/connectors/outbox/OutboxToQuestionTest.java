package io.suqi.connectors.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.suqi.connectors.ConnectorConfigs;
import io.suqi.schemas.DeadLetter;
import io.suqi.schemas.Question;
import io.suqi.schemas.TenantPartitioner;
import io.suqi.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class OutboxToQuestionTest {

  private static final String CDC_TOPIC = "sqlmode.suqi.outbox";
  private static final String QUERY_ID = "0b6f3c9e-3c1d-4c59-9a57-5a3f0f0e2a11";
  private static final Instant NOW = Instant.parse("2026-05-04T10:00:00Z");

  private static final Schema ROW = SchemaBuilder.struct().name("sqlmode.suqi.outbox.Value").optional()
      .field("query_id", Schema.STRING_SCHEMA)
      .field("tenant_id", Schema.STRING_SCHEMA)
      .field("db_role", Schema.STRING_SCHEMA)
      .field("platform", Schema.STRING_SCHEMA)
      .field("question", Schema.STRING_SCHEMA)
      .field("context_limit", Schema.INT32_SCHEMA)
      .field("created_at", Schema.STRING_SCHEMA)
      .build();
  private static final Schema ENVELOPE = SchemaBuilder.struct().name("sqlmode.suqi.outbox.Envelope")
      .field("before", ROW).field("after", ROW).field("op", Schema.STRING_SCHEMA)
      .field("ts_ms", Schema.OPTIONAL_INT64_SCHEMA).build();

  private final OutboxToQuestion<SourceRecord> transform = new OutboxToQuestion<>(Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void aNewOutboxRowBecomesTheAvroQuestionOnItsTenantsPartitionOfTheQueriesTopic() {
    SourceRecord out = transform.apply(change("c", row("top 5 stores by revenue last month", 10)));

    assertThat(out.topic()).isEqualTo(Topics.QUERIES.name());
    assertThat(out.kafkaPartition()).isEqualTo(TenantPartitioner.partitionOf("acme", Topics.QUERIES.partitions()));
    assertThat((byte[]) out.key()).isEqualTo(Topics.QUERIES.keySerde().serializer().serialize(out.topic(), QUERY_ID));
    Question question = Topics.QUERIES.valueSerde().deserializer().deserialize(out.topic(), (byte[]) out.value());
    assertThat(question).isEqualTo(Question.newBuilder()
        .setQueryId(QUERY_ID).setTenantId("acme").setPlatform("chat").setUserId("acme_sql")
        .setQuestion("top 5 stores by revenue last month").setContextLimit(10)
        .setSubmittedAt(Instant.parse("2026-05-04T09:59:58.123456Z").truncatedTo(java.time.temporal.ChronoUnit.MILLIS))
        .build());
  }

  @Test
  void rowsReadByTheInitialSnapshotAreQuestionsToo() {
    SourceRecord out = transform.apply(change("r", row("revenue by store", 5)));

    assertThat(out.topic()).isEqualTo(Topics.QUERIES.name());
  }

  @Test
  void aRowThatCannotBeAQuestionGoesToTheDeadLetterTopicWithTheReasonAndTheRow() {
    SourceRecord out = transform.apply(change("c", row("   ", 10)));

    assertThat(out.topic()).isEqualTo(Topics.QUERIES_DEAD_LETTER.name());
    DeadLetter letter = Topics.QUERIES_DEAD_LETTER.valueSerde().deserializer().deserialize(out.topic(), (byte[]) out.value());
    assertThat(letter.getSourceTopic()).isEqualTo(CDC_TOPIC);
    assertThat(letter.getReason()).contains(QUERY_ID).contains("question must be non-empty text");
    assertThat(letter.getFailedAt()).isEqualTo(NOW);
    assertThat(StandardCharsets.UTF_8.decode(letter.getValue()).toString()).contains("\"tenant_id\":\"acme\"");
    assertThat(new String((byte[]) out.key(), StandardCharsets.UTF_8)).isEqualTo(QUERY_ID);
  }

  @Test
  void anOutOfRangeContextLimitOrABadTimestampIsADeadLetterToo() {
    assertThat(reasonOf(transform.apply(change("c", row("total revenue", 0))))).contains("context_limit must be an integer from 1 to 100");
    Struct badTime = row("total revenue", 10).put("created_at", "yesterday");
    assertThat(reasonOf(transform.apply(change("c", badTime)))).contains("created_at is not an ISO-8601 timestamp");
  }

  @Test
  void aRowMissingAColumnIsADeadLetterWithoutAQueryIdWhenThatIsWhatIsMissing() {
    Schema partial = SchemaBuilder.struct().optional().field("question", Schema.STRING_SCHEMA).build();
    Schema envelope = SchemaBuilder.struct().field("after", partial).field("op", Schema.STRING_SCHEMA).build();
    Struct value = new Struct(envelope).put("after", new Struct(partial).put("question", "hi")).put("op", "c");

    SourceRecord out = transform.apply(new SourceRecord(Map.of(), Map.of(), CDC_TOPIC, null, envelope, value));

    assertThat(out.topic()).isEqualTo(Topics.QUERIES_DEAD_LETTER.name());
    assertThat(out.key()).isNull();
    assertThat(reasonOf(out)).contains("(no query id)").contains("the row has no column query_id");
  }

  @Test
  void updatesDeletesAndTombstonesAskNothing() {
    assertThat(transform.apply(change("u", row("total revenue", 10)))).isNull();
    assertThat(transform.apply(change("d", null))).isNull();
    assertThat(transform.apply(new SourceRecord(Map.of(), Map.of(), CDC_TOPIC, null, null, null, null))).isNull();
  }

  @Test
  void heartbeatsPassThroughAsPlainJson() {
    Schema key = SchemaBuilder.struct().name("io.debezium.connector.common.ServerNameKey")
        .field("serverName", Schema.STRING_SCHEMA).build();
    Schema value = SchemaBuilder.struct().name("io.debezium.connector.common.Heartbeat")
        .field("ts_ms", Schema.INT64_SCHEMA).build();
    SourceRecord heartbeat = new SourceRecord(Map.of(), Map.of(), "__debezium-heartbeat.sqlmode", null,
        key, new Struct(key).put("serverName", "sqlmode"), value, new Struct(value).put("ts_ms", 42L));

    SourceRecord out = transform.apply(heartbeat);

    assertThat(out.topic()).isEqualTo("__debezium-heartbeat.sqlmode");
    assertThat(new String((byte[]) out.key(), StandardCharsets.UTF_8)).isEqualTo("{\"serverName\":\"sqlmode\"}");
    assertThat(new String((byte[]) out.value(), StandardCharsets.UTF_8)).isEqualTo("{\"ts_ms\":42}");
  }

  @Test
  void theConnectorFileUsesThisTransformationWithByteArrayConvertersOverTheOutboxOnly() {
    Map<String, String> config = ConnectorConfigs.load(ConnectorConfigs.SQL_QUESTIONS, Map.of());

    assertThat(config).containsEntry("table.include.list", "suqi.outbox")
        .containsEntry("transforms.question.type", OutboxToQuestion.class.getName())
        .containsEntry("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter")
        .containsEntry("key.converter", "org.apache.kafka.connect.converters.ByteArrayConverter")
        .containsEntry("publication.autocreate.mode", "filtered")
        .containsKey("heartbeat.interval.ms");
    assertThat(config.get("slot.name")).isNotEqualTo(ConnectorConfigs.load(ConnectorConfigs.RETAIL_CDC, Map.of()).get("slot.name"));
  }

  private static String reasonOf(SourceRecord out) {
    assertThat(out.topic()).isEqualTo(Topics.QUERIES_DEAD_LETTER.name());
    return Topics.QUERIES_DEAD_LETTER.valueSerde().deserializer().deserialize(out.topic(), (byte[]) out.value()).getReason();
  }

  private static Struct row(String question, int contextLimit) {
    return new Struct(ROW).put("query_id", QUERY_ID).put("tenant_id", "acme").put("db_role", "acme_sql")
        .put("platform", "chat").put("question", question).put("context_limit", contextLimit)
        .put("created_at", "2026-05-04T09:59:58.123456Z");
  }

  private static SourceRecord change(String op, Struct after) {
    Struct value = new Struct(ENVELOPE).put("after", after).put("op", op).put("ts_ms", 1L);
    return new SourceRecord(Map.of("server", "sqlmode"), Map.of("lsn", 1L), CDC_TOPIC, null, ENVELOPE, value);
  }
}
