package io.suqi.lakehouse.metrics;

import io.suqi.schemas.StoreMetric;
import io.suqi.schemas.Topics;
import java.math.RoundingMode;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Writes a store-minute to the real-time metrics topic as a {@link StoreMetric}, key "tenant/store". */
public final class StoreMetricSerializer implements KafkaRecordSerializationSchema<StoreMinute> {

  private static final long serialVersionUID = 1L;
  /** The scale of StoreMetric.revenue (decimal(14,2)); line prices may carry more places. */
  static final int REVENUE_SCALE = 2;

  @Override
  public ProducerRecord<byte[], byte[]> serialize(StoreMinute minute, KafkaSinkContext context, Long timestamp) {
    // The serdes are not serializable, so they are taken from the catalogue here, in the task.
    var topic = Topics.METRICS_REALTIME;
    StoreMetric metric = StoreMetric.newBuilder()
        .setTenantId(minute.tenantId())
        .setStoreId(minute.storeId())
        .setWindowStart(minute.windowStart())
        .setWindowEnd(minute.windowEnd())
        .setTxnCount(minute.txnCount())
        .setRevenue(minute.revenue().setScale(REVENUE_SCALE, RoundingMode.HALF_EVEN))
        .build();
    // No record timestamp: the producer stamps the send time. A minute of last year replayed today
    // must not be deleted at once by the topic's time-based retention.
    return new ProducerRecord<>(topic.name(), null, null,
        topic.keySerde().serializer().serialize(topic.name(), minute.storeKey()),
        topic.valueSerde().serializer().serialize(topic.name(), metric));
  }
}
