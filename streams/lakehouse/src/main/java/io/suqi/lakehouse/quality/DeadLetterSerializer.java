package io.suqi.lakehouse.quality;

import io.suqi.schemas.DeadLetter;
import io.suqi.schemas.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Writes a quarantined record to the quarantine topic as a {@link DeadLetter}, with the topic's own serdes. */
public final class DeadLetterSerializer implements KafkaRecordSerializationSchema<QuarantinedRecord> {

  private static final long serialVersionUID = 1L;

  @Override
  public ProducerRecord<byte[], byte[]> serialize(QuarantinedRecord record, KafkaSinkContext context, Long timestamp) {
    // The serdes are not serializable, so they are taken from the catalogue here, in the task.
    var topic = Topics.RETAIL_QUARANTINE;
    DeadLetter letter = DeadLetter.newBuilder()
        .setSourceTopic(record.sourceTopic())
        .setPartition(record.partition())
        .setOffset(record.offset())
        .setKey(bytes(record.key()))
        .setValue(bytes(record.value()))
        .setReason(record.reason())
        .setFailedAt(record.quarantinedAt())
        .build();
    return new ProducerRecord<>(topic.name(), null, record.quarantinedAt().toEpochMilli(),
        topic.keySerde().serializer().serialize(topic.name(), record.key()),
        topic.valueSerde().serializer().serialize(topic.name(), letter));
  }

  private static ByteBuffer bytes(String text) {
    return text == null ? null : ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
  }
}
