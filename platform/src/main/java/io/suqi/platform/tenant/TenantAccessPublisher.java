package io.suqi.platform.tenant;

import io.suqi.schemas.ApiKey;
import io.suqi.schemas.TenantPartitioner;
import io.suqi.schemas.TenantPolicy;
import io.suqi.schemas.Topic;
import io.suqi.schemas.Topics;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Tells the orchestrator's gates about API keys and tenant policies: publishes rows of
 * scout.api_keys and scout.tenant_policies to the compacted topics suqi.api-keys and
 * suqi.tenant-policies, on the partition of their tenant. Postgres is the record; publishing is
 * idempotent (the latest value per key wins), so the runtime republishes everything at start.
 */
public final class TenantAccessPublisher implements AutoCloseable {

  private static final long SEND_TIMEOUT_SECONDS = 30;

  private final KafkaProducer<String, byte[]> producer;

  public TenantAccessPublisher(String bootstrapServers) {
    producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
        ProducerConfig.MAX_BLOCK_MS_CONFIG, SEND_TIMEOUT_SECONDS * 1000),
        new StringSerializer(), new ByteArraySerializer());
  }

  /** Publishes every key and policy; returns how many records were sent. */
  public int publishAll(ApiKeys keys, TenantPolicies policies) throws SQLException {
    List<Future<RecordMetadata>> sent = new ArrayList<>();
    for (ApiKeys.StoredKey key : keys.all()) {
      sent.add(send(Topics.API_KEYS, key.keyHash(), key.tenantId(), apiKey(key)));
    }
    for (TenantPolicies.Policy policy : policies.all()) {
      sent.add(send(Topics.TENANT_POLICIES, policy.tenantId(), policy.tenantId(), tenantPolicy(policy)));
    }
    await(sent);
    return sent.size();
  }

  /** Publishes one key and waits until the broker has it. */
  public void publish(ApiKeys.StoredKey key) {
    await(List.of(send(Topics.API_KEYS, key.keyHash(), key.tenantId(), apiKey(key))));
  }

  /** Publishes one policy and waits until the broker has it. */
  public void publish(TenantPolicies.Policy policy) {
    await(List.of(send(Topics.TENANT_POLICIES, policy.tenantId(), policy.tenantId(), tenantPolicy(policy))));
  }

  static ApiKey apiKey(ApiKeys.StoredKey key) {
    return ApiKey.newBuilder().setKeyHash(key.keyHash()).setTenantId(key.tenantId()).setUserId(key.userId())
        .setRole(key.role()).setCreatedAt(key.createdAt()).setRevokedAt(key.revokedAt()).build();
  }

  static TenantPolicy tenantPolicy(TenantPolicies.Policy policy) {
    return TenantPolicy.newBuilder().setTenantId(policy.tenantId()).setPlatforms(policy.platforms())
        .setQuestionsPerMinute(policy.questionsPerMinute()).setUserQuestionsPerMinute(policy.userQuestionsPerMinute())
        .setTokensPerDay(policy.tokensPerDay()).setUserTokensPerDay(policy.userTokensPerDay())
        .setDebug(policy.debug()).setUpdatedAt(Instant.now()).build();
  }

  private <V> Future<RecordMetadata> send(Topic<String, V> topic, String key, String tenantId, V value) {
    int partition = TenantPartitioner.partitionOf(tenantId, producer.partitionsFor(topic.name()).size());
    byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), value);
    return producer.send(new ProducerRecord<>(topic.name(), partition, key, bytes));
  }

  private static void await(List<Future<RecordMetadata>> sent) {
    try {
      for (Future<RecordMetadata> ack : sent) {
        ack.get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      }
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot publish tenant access to Kafka (is `bin/suqi up` running?): "
          + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while publishing tenant access", e);
    }
  }

  @Override
  public void close() {
    producer.close();
  }
}
