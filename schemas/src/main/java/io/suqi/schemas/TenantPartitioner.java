package io.suqi.schemas;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.Partitioner;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.utils.Utils;

/**
 * Partitions a record by the {@code tenant_id} of its value, whatever its key: a question and its
 * agents' results (keyed by query id) land on the same partition number as every other record of
 * the tenant, so one orchestrator task holds the tenant's quotas, throttles and cache, and meets
 * each result with its question, without a repartition hop (which under exactly-once would add a
 * commit interval to every answer). Same hash as Kafka's default partitioner on a tenant_id key.
 *
 * <p>Use it as {@code partitioner.class} of a producer to {@link Topics#QUERIES} or
 * {@link Topics#AGENT_RESULTS}; values must be Avro records with a {@code tenant_id} field.
 */
public final class TenantPartitioner implements Partitioner {

  /** The partition of a tenant's records on a topic of {@code partitions} partitions. */
  public static int partitionOf(String tenantId, int partitions) {
    if (tenantId == null) {
      throw new IllegalArgumentException("tenant_id is required to partition by tenant");
    }
    return Utils.toPositive(Utils.murmur2(tenantId.getBytes(StandardCharsets.UTF_8))) % partitions;
  }

  /** The tenant of an Avro record with a {@code tenant_id} field. */
  public static String tenantOf(Object value) {
    if (!(value instanceof SpecificRecord record)) {
      throw new IllegalArgumentException("partitioning by tenant needs an Avro record value, got "
          + (value == null ? "null" : value.getClass().getName()));
    }
    Schema.Field field = record.getSchema().getField("tenant_id");
    if (field == null) {
      throw new IllegalArgumentException(record.getSchema().getFullName() + " has no tenant_id field");
    }
    Object tenant = record.get(field.pos());
    return tenant == null ? null : tenant.toString();
  }

  @Override
  public int partition(String topic, Object key, byte[] keyBytes, Object value, byte[] valueBytes, Cluster cluster) {
    return partitionOf(tenantOf(value), cluster.partitionCountForTopic(topic));
  }

  @Override
  public void configure(Map<String, ?> configs) {}

  @Override
  public void close() {}
}
