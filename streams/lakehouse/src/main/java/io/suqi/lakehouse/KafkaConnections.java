package io.suqi.lakehouse;

import io.suqi.lakehouse.anomaly.AnomalySerializer;
import io.suqi.lakehouse.anomaly.DetectedAnomaly;
import io.suqi.lakehouse.bronze.RawEvent;
import io.suqi.lakehouse.bronze.RawEventDeserializer;
import io.suqi.lakehouse.gold.GoldChangeSerializer;
import io.suqi.lakehouse.gold.TenantGoldChange;
import io.suqi.lakehouse.quality.DeadLetterSerializer;
import io.suqi.lakehouse.metrics.StoreMetricSerializer;
import io.suqi.lakehouse.metrics.StoreMinute;
import io.suqi.lakehouse.quality.QuarantinedRecord;
import io.suqi.schemas.Topics;
import java.time.Duration;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerConfig;

/** The Kafka ends of the job: the retail input source and the quarantine, metrics and anomalies sinks. */
final class KafkaConnections {

  /** Below the broker's default transaction.max.timeout.ms (15 min), or every transaction fails. */
  static final Duration TRANSACTION_TIMEOUT = Duration.ofMinutes(10);
  static final Duration PARTITION_DISCOVERY = Duration.ofSeconds(30);

  private KafkaConnections() {}

  /**
   * POS and CDC transaction topics from the start (first run) or from the checkpoint. Reads
   * committed records only, since producers such as Debezium may write transactionally.
   */
  static KafkaSource<RawEvent> retailInput(LakehouseConfig config) {
    return KafkaSource.<RawEvent>builder()
        .setBootstrapServers(config.bootstrapServers())
        .setTopics(Topics.POS_TRANSACTIONS.name(), Topics.CDC_TRANSACTIONS.name(), Topics.CDC_TRANSACTION_ITEMS.name())
        .setGroupId(config.consumerGroupId())
        .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
        .setDeserializer(new RawEventDeserializer())
        .setProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")
        .setProperty("partition.discovery.interval.ms", String.valueOf(PARTITION_DISCOVERY.toMillis()))
        .build();
  }

  /** Exactly once: a record is in the quarantine topic once even after a restore. */
  static KafkaSink<QuarantinedRecord> quarantineTopic(LakehouseConfig config) {
    return exactlyOnce(config, new DeadLetterSerializer(), config.transactionalIdPrefix());
  }

  /** Exactly once: each emission of a store-minute is on the topic once even after a restore. */
  static KafkaSink<StoreMinute> metricsTopic(LakehouseConfig config) {
    return exactlyOnce(config, new StoreMetricSerializer(), config.metricsTransactionalIdPrefix());
  }

  static KafkaSink<DetectedAnomaly> anomaliesTopic(LakehouseConfig config) {
    return exactlyOnce(config, new AnomalySerializer(), config.anomaliesTransactionalIdPrefix());
  }

  /**
   * Exactly once, so a notice is visible only once its checkpoint completed, after the gold rows
   * it announces were flushed. Its transactional ids extend the metrics sink's prefix.
   */
  static KafkaSink<TenantGoldChange> goldChangesTopic(LakehouseConfig config) {
    return exactlyOnce(config, new GoldChangeSerializer(), config.metricsTransactionalIdPrefix() + "-gold-changes");
  }

  /**
   * Records become visible to read_committed consumers when the checkpoint that covers them
   * completes. Each sink needs its own transactional id prefix.
   */
  private static <T> KafkaSink<T> exactlyOnce(LakehouseConfig config, KafkaRecordSerializationSchema<T> serializer,
      String transactionalIdPrefix) {
    return KafkaSink.<T>builder()
        .setBootstrapServers(config.bootstrapServers())
        .setRecordSerializer(serializer)
        .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
        .setTransactionalIdPrefix(transactionalIdPrefix)
        .setProperty(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, String.valueOf(TRANSACTION_TIMEOUT.toMillis()))
        .build();
  }
}
