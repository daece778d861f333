package io.suqi.orchestrator.gate;

import io.suqi.schemas.Topics;
import java.nio.ByteBuffer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The gates' state stores. Throttles and quotas share one changelogged key-value store, keyed by
 * {@code tenant:<id>} and {@code user:<tenant>/<user>}, one record an asker ({@link AskerState}): it
 * moves with the tenant's partition to whichever instance runs it and survives restarts. It is
 * cached in memory: a tenant's bucket changes with every question, and the cache writes only its
 * last value per commit to RocksDB and the changelog. One record for both gates, because a
 * question reads both: the cache then always holds what the quota reads, where a usage store of
 * its own would miss the cache and read RocksDB for every question of an asker with no usage yet.
 */
public final class GateStores {

  /** Each asker's throttle bucket (questions per minute) and token usage of the UTC day. */
  public static final String ASKERS = "gate-askers";
  /** API keys by hash (loaded from suqi.api-keys). */
  public static final String API_KEYS = "gate-api-keys";
  /** Tenant policies (loaded from suqi.tenant-policies). */
  public static final String TENANT_POLICIES = "gate-tenant-policies";

  private GateStores() {}

  static String tenantKey(String tenantId) {
    return "tenant:" + tenantId;
  }

  static String userKey(String tenantId, String userId) {
    return "user:" + tenantId + "/" + userId;
  }

  /** The askers' store: changelogged, so buckets and usage survive a restart and move with their partition. */
  public static StoreBuilder<?> askers() {
    return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ASKERS), Serdes.String(), askerSerde())
        .withCachingEnabled();
  }

  /**
   * Loaded from their topics; changelogged like every store, so a new instance restores them. In the
   * heap: a few entries per tenant, read for every question, so a map lookup rather than RocksDB's;
   * and each distinct value is decoded once ({@link RememberedValues}).
   */
  public static StoreBuilder<?> apiKeys() {
    return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(API_KEYS), Serdes.String(),
        RememberedValues.of(Topics.API_KEYS.valueSerde()));
  }

  public static StoreBuilder<?> tenantPolicies() {
    return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(TENANT_POLICIES), Serdes.String(),
        RememberedValues.of(Topics.TENANT_POLICIES.valueSerde()));
  }

  /** 33 bytes: which parts are there (bit 0 the bucket, bit 1 the usage), then bucket and usage (zeros if absent). */
  static Serde<AskerState> askerSerde() {
    Serializer<AskerState> serializer = (topic, state) -> {
      if (state == null) {
        return null;
      }
      TokenBucket bucket = state.bucket();
      DayUsage usage = state.usage();
      return ByteBuffer.allocate(33)
          .put((byte) ((bucket == null ? 0 : 1) | (usage == null ? 0 : 2)))
          .putDouble(bucket == null ? 0 : bucket.tokens()).putLong(bucket == null ? 0 : bucket.updatedAtMillis())
          .putLong(usage == null ? 0 : usage.epochDay()).putLong(usage == null ? 0 : usage.tokens())
          .array();
    };
    Deserializer<AskerState> deserializer = (topic, bytes) -> {
      if (bytes == null) {
        return null;
      }
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      byte parts = buffer.get();
      TokenBucket bucket = new TokenBucket(buffer.getDouble(), buffer.getLong());
      DayUsage usage = new DayUsage(buffer.getLong(), buffer.getLong());
      return new AskerState((parts & 1) == 0 ? null : bucket, (parts & 2) == 0 ? null : usage);
    };
    return Serdes.serdeFrom(serializer, deserializer);
  }
}
