package io.suqi.lakehouse.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.suqi.schemas.StoreMetric;
import io.suqi.schemas.Topics;
import java.math.BigDecimal;
import java.time.Instant;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class TopicRecordsTest {

  @Test
  void aStoreMinuteIsAStoreMetricKeyedByTenantAndStoreWithRevenueInCents() {
    Instant start = Instant.parse("2026-10-01T12:30:00Z");
    StoreMinute minute = new StoreMinute("acme-retail", 7, start, start.plusSeconds(60), 3, new BigDecimal("12.3456"));

    ProducerRecord<byte[], byte[]> record = new StoreMetricSerializer().serialize(minute, null, null);

    var topic = Topics.METRICS_REALTIME;
    assertThat(record.topic()).isEqualTo(topic.name());
    assertThat(topic.keySerde().deserializer().deserialize(topic.name(), record.key())).isEqualTo("acme-retail/7");
    StoreMetric metric = topic.valueSerde().deserializer().deserialize(topic.name(), record.value());
    assertThat(metric.getWindowStart()).isEqualTo(start);
    assertThat(metric.getWindowEnd()).isEqualTo(start.plusSeconds(60));
    assertThat(metric.getTxnCount()).isEqualTo(3);
    assertThat(metric.getRevenue()).isEqualTo(new BigDecimal("12.35"));
    assertThat(StoreKey.parse("acme-retail/7")).isEqualTo(new StoreKey("acme-retail", 7));
  }
}
