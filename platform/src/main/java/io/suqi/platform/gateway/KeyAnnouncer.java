package io.suqi.platform.gateway;

import io.suqi.platform.tenant.ApiKeys;
import io.suqi.platform.tenant.TenantAccessPublisher;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes sure the orchestrator's key gate knows a key before the first question asked with it: a
 * key created while the gateway runs (by the CLI of another host, or straight in Postgres) is
 * published once, the first time this gateway sees it. The publish is idempotent (compacted topic).
 */
final class KeyAnnouncer implements AutoCloseable {

  private final ApiKeys apiKeys;
  private final TenantAccessPublisher publisher;
  private final Set<String> announced = ConcurrentHashMap.newKeySet();

  KeyAnnouncer(ApiKeys apiKeys, String bootstrapServers) {
    this.apiKeys = apiKeys;
    this.publisher = new TenantAccessPublisher(bootstrapServers);
  }

  void ensureAnnounced(String keyHash) throws SQLException {
    if (announced.contains(keyHash)) {
      return;
    }
    apiKeys.stored(keyHash).ifPresent(publisher::publish);
    announced.add(keyHash);
  }

  @Override
  public void close() {
    publisher.close();
  }
}
