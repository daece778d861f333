package io.suqi.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {

  private final AvroSerde<Question> serde = AvroSerde.of(Question.class);

  @Test
  void aQuestionSurvivesTheRoundTrip() {
    Question question = Question.newBuilder().setQueryId("q-1").setTenantId("acme").setPlatform("chat")
        .setQuestion("top 5 stores by revenue last month").setSubmittedAt(Instant.ofEpochMilli(1_700_000_000_000L))
        .build();

    byte[] bytes = serde.serializer().serialize("suqi.queries", question);

    assertThat(serde.deserializer().deserialize("suqi.queries", bytes)).isEqualTo(question);
  }

  @Test
  void itWritesAvrosSingleObjectEncodingByteForByte() throws Exception {
    // Given a task with a nested record, an array and a union
    AgentTask task = task();
    AvroSerde<AgentTask> tasks = AvroSerde.of(AgentTask.class);

    // When the serde writes it, twice on the same thread (its buffer is reused), after a record it
    // could not write (a required field missing) left part of itself in the encoder
    AgentTask broken = AgentTask.newBuilder(task).build();
    broken.setPlatform(null);
    assertThatThrownBy(() -> tasks.encode(broken)).isInstanceOf(RuntimeException.class);
    byte[] first = tasks.encode(task);
    byte[] second = tasks.encode(task);

    // Then the bytes are those of Avro's own single-object encoder, which other clients read
    byte[] avros = new BinaryMessageEncoder<AgentTask>(SpecificData.getForClass(AgentTask.class), tasks.schema())
        .encode(task).array();
    assertThat(first).isEqualTo(avros).isEqualTo(second);
  }

  @Test
  void aRecordWrittenWithAnOlderVersionIsReadIntoTheCurrentClass() throws Exception {
    // Given an older Question without user_id and context_limit, known to the serde
    Schema older = SchemaBuilder.record("Question").namespace("io.suqi.schemas").fields()
        .requiredString("query_id").requiredString("tenant_id").requiredString("platform")
        .requiredString("question")
        .name("submitted_at").type(org.apache.avro.LogicalTypes.timestampMillis()
            .addToSchema(Schema.create(Schema.Type.LONG))).noDefault()
        .endRecord();
    AvroSerde<Question> reader = new AvroSerde<>(Question.class, List.of(older));
    GenericRecord record = new GenericData.Record(older);
    record.put("query_id", "q-2");
    record.put("tenant_id", "acme");
    record.put("platform", "chat");
    record.put("question", "revenue by store");
    record.put("submitted_at", 1_700_000_000_000L);
    ByteBuffer written = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), older).encode(record);

    // When the current serde reads it
    Question read = reader.decode(toBytes(written));

    // Then the new fields take their defaults
    assertThat(read.getQueryId()).isEqualTo("q-2");
    assertThat(read.getContextLimit()).isEqualTo(10);
    assertThat(read.getUserId()).isNull();
  }

  @Test
  void bytesThatAreNotARecordRaiseASerializationExceptionThatSaysSo() {
    assertThatThrownBy(() -> serde.decode("{\"question\":\"hi\"}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("not a Question");
  }

  @Test
  void aTaskOfTheReleasedV4WithItsTimestampMillisIsReadWithTheSameMillis() throws Exception {
    // Given a task written with v4, whose issued_at was a timestamp-millis
    List<Schema> released = SchemaHistory.versionsOf(AgentTask.getClassSchema().getFullName());
    Schema v4 = released.get(3);
    assertThat(v4.getField("issued_at").schema().getLogicalType()).isNotNull();
    ByteBuffer written = new BinaryMessageEncoder<AgentTask>(GenericData.get(), v4).encode(task());

    // When the current serde reads it
    AgentTask read = AvroSerde.of(AgentTask.class).decode(toBytes(written));

    // Then
    assertThat(read.getIssuedAt()).isEqualTo(1_700_000_000_123L);
    assertThat(read.getRouting().getCacheKey()).isEqualTo("acme\u0001ANALYTICS\u000110\u0001top 5 stores");
  }

  private static AgentTask task() {
    Routing routing = new Routing();
    routing.setSubmittedAt(1_700_000_000_000L);
    routing.setPlatform("chat");
    routing.setIntent(Intent.ANALYTICS);
    routing.setInjectionSigns(List.of("sql_comment"));
    routing.setCacheKey("acme\u0001ANALYTICS\u000110\u0001top 5 stores");
    return AgentTask.newBuilder().setQueryId("q-1").setTenantId("acme").setPlatform("chat")
        .setQuestion("top 5 stores by revenue last month -- or else").setIntent(Intent.ANALYTICS).setConfidence(0.93)
        .setAgent(AgentType.ANALYTICS).setStepNumber(1).setContextLimit(10)
        .setIssuedAt(1_700_000_000_123L).setEarlierSteps(List.of()).setRouting(routing).build();
  }

  private static byte[] toBytes(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    return bytes;
  }
}
