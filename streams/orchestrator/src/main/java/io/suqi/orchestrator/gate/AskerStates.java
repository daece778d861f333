package io.suqi.orchestrator.gate;

import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The stored state of a question's askers, its tenant and (when known) its user, read once from
 * {@link GateStores#ASKERS} and shared by the quota, which reads it, and the throttle, which takes a
 * token from it.
 */
final class AskerStates {

  private final KeyValueStore<String, AskerState> store;
  private final String tenantKey;
  private final AskerState tenant;
  private final String userKey;   // null: the question has no user
  private final AskerState user;

  private AskerStates(KeyValueStore<String, AskerState> store, String tenantKey, String userKey) {
    this.store = store;
    this.tenantKey = tenantKey;
    this.tenant = stored(store, tenantKey);
    this.userKey = userKey;
    this.user = userKey == null ? null : stored(store, userKey);
  }

  static AskerStates read(KeyValueStore<String, AskerState> store, Asker asker) {
    return new AskerStates(store, GateStores.tenantKey(asker.tenantId()),
        asker.userId().map(userId -> GateStores.userKey(asker.tenantId(), userId)).orElse(null));
  }

  /** The state under {@code key}, or {@link AskerState#NEW}. */
  static AskerState stored(KeyValueStore<String, AskerState> store, String key) {
    AskerState state = store.get(key);
    return state == null ? AskerState.NEW : state;
  }

  AskerState tenant() {
    return tenant;
  }

  boolean hasUser() {
    return userKey != null;
  }

  /** The user's state; only when {@link #hasUser()}. */
  AskerState user() {
    return user;
  }

  /** Stores the askers' new buckets, keeping their usage. */
  void putBuckets(TokenBucket tenantBucket, TokenBucket userBucket) {
    store.put(tenantKey, tenant.withBucket(tenantBucket));
    if (userKey != null) {
      store.put(userKey, user.withBucket(userBucket));
    }
  }
}
