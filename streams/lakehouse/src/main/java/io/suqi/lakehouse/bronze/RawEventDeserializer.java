package io.suqi.lakehouse.bronze;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Turns every Kafka record into a {@link RawEvent}; never fails, so nothing is dropped before bronze. */
public final class RawEventDeserializer implements KafkaRecordDeserializationSchema<RawEvent> {

  private static final long serialVersionUID = 1L;

  @Override
  public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<RawEvent> out) {
    out.collect(new RawEvent(InputSource.ofTopic(record.topic()), record.topic(), record.partition(),
        record.offset(), text(record.key()), text(record.value()), Instant.now()));
  }

  private static String text(byte[] bytes) {
    return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
  }

  @Override
  public TypeInformation<RawEvent> getProducedType() {
    return TypeInformation.of(RawEvent.class);
  }
}
