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
 * The gates' state stores. Throttles and quotas are changelogged key-value stores keyed by
 * {@code tenant:<id>} and {@code user:<tenant>/<user>}: they move with the tenant's partition to
 * whichever instance runs it and survive restarts. Throttles and usage are cached in memory: a
 * tenant's bucket changes with every question, and the cache writes only its last value per
 * commit to RocksDB and the changelog.
 */
public final class GateStores {

  /** Throttle buckets (questions per minute). */
  public static final String THROTTLES = "gate-throttles";
  /** Token usage per UTC day. */
  public static final String TOKEN_USAGE = "gate-token-usage";
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

  /** The throttles' store: changelogged, so a bucket survives a restart and moves with its partition. */
  public static StoreBuilder<?> throttles() {
    return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(THROTTLES), Serdes.String(), bucketSerde())
        .withCachingEnabled();
  }

  public static StoreBuilder<?> tokenUsage() {
    return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TOKEN_USAGE), Serdes.String(), usageSerde())
        .withCachingEnabled();
  }

  /**
   * Loaded from their topics; changelogged like every store, so a new instance restores them. In the
   * heap: a few entries per tenant, read for every question, so a map lookup rather than RocksDB's.
   */
  public static StoreBuilder<?> apiKeys() {
    return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(API_KEYS), Serdes.String(),
        Topics.API_KEYS.valueSerde());
  }

  public static StoreBuilder<?> tenantPolicies() {
    return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(TENANT_POLICIES), Serdes.String(),
        Topics.TENANT_POLICIES.valueSerde());
  }

  static Serde<TokenBucket> bucketSerde() {
    Serializer<TokenBucket> serializer = (topic, bucket) -> bucket == null ? null
        : ByteBuffer.allocate(16).putDouble(bucket.tokens()).putLong(bucket.updatedAtMillis()).array();
    Deserializer<TokenBucket> deserializer = (topic, bytes) -> {
      if (bytes == null) {
        return null;
      }
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      return new TokenBucket(buffer.getDouble(), buffer.getLong());
    };
    return Serdes.serdeFrom(serializer, deserializer);
  }

  static Serde<DayUsage> usageSerde() {
    Serializer<DayUsage> serializer = (topic, usage) -> usage == null ? null
        : ByteBuffer.allocate(16).putLong(usage.epochDay()).putLong(usage.tokens()).array();
    Deserializer<DayUsage> deserializer = (topic, bytes) -> {
      if (bytes == null) {
        return null;
      }
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      return new DayUsage(buffer.getLong(), buffer.getLong());
    };
    return Serdes.serdeFrom(serializer, deserializer);
  }
}
