package io.suqi.lakehouse.anomaly;

import io.suqi.schemas.Anomaly;
import io.suqi.schemas.Topics;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Writes a detected anomaly to the anomalies topic as an {@link Anomaly}, key "tenant/store". */
public final class AnomalySerializer implements KafkaRecordSerializationSchema<DetectedAnomaly> {

  private static final long serialVersionUID = 1L;

  @Override
  public ProducerRecord<byte[], byte[]> serialize(DetectedAnomaly anomaly, KafkaSinkContext context, Long timestamp) {
    // The serdes are not serializable, so they are taken from the catalogue here, in the task.
    var topic = Topics.ANOMALIES;
    Anomaly value = Anomaly.newBuilder()
        .setAnomalyId(anomaly.anomalyId())
        .setTenantId(anomaly.tenantId())
        .setStoreId(anomaly.storeId())
        .setMetric(anomaly.metric())
        .setWindowStart(anomaly.windowStart())
        .setWindowEnd(anomaly.windowEnd())
        .setObserved(anomaly.observed())
        .setExpected(anomaly.expected())
        .setScore(anomaly.score())
        .setDetectedAt(anomaly.detectedAt())
        .build();
    return new ProducerRecord<>(topic.name(), null, anomaly.detectedAt().toEpochMilli(),
        topic.keySerde().serializer().serialize(topic.name(), anomaly.storeKey()),
        topic.valueSerde().serializer().serialize(topic.name(), value));
  }
}
