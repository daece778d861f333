package io.suqi.lakehouse.gold;

import io.suqi.schemas.GoldChange;
import io.suqi.schemas.Topics;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/** A notice as a {@link GoldChange} on retail.gold-changes, keyed (so partitioned) by tenant. */
public final class GoldChangeSerializer implements KafkaRecordSerializationSchema<TenantGoldChange> {

  private static final long serialVersionUID = 1L;

  @Override
  public ProducerRecord<byte[], byte[]> serialize(TenantGoldChange change, KafkaSinkContext context, Long timestamp) {
    var topic = Topics.GOLD_CHANGES;
    GoldChange value = GoldChange.newBuilder().setTenantId(change.tenantId()).setChangedAt(change.changedAt()).build();
    return new ProducerRecord<>(topic.name(), null, null,
        topic.keySerde().serializer().serialize(topic.name(), change.tenantId()),
        topic.valueSerde().serializer().serialize(topic.name(), value));
  }
}
