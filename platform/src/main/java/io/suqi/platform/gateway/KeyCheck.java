package io.suqi.platform.gateway;

import io.suqi.platform.tenant.ApiKeys;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The gateway's edge check of an API key: known keys are remembered for a short while, so a
 * question does not wait for PostgreSQL (whose pool the agents share) on every request. A revoked
 * key may pass the edge for up to {@link #REMEMBER} — the orchestrator's key gate, which learns of
 * revocations through suqi.api-keys, still turns it away. Unknown keys are not remembered.
 */
final class KeyCheck {

  static final Duration REMEMBER = Duration.ofSeconds(30);
  private static final int MAX_REMEMBERED = 10_000;

  private record Known(String tenantId, long untilNanos) {}

  private final ApiKeys apiKeys;
  private final Map<String, Known> known = new ConcurrentHashMap<>();

  KeyCheck(ApiKeys apiKeys) {
    this.apiKeys = apiKeys;
  }

  Optional<String> tenantOf(String key) throws SQLException {
    long now = System.nanoTime();
    Known remembered = known.get(key);
    if (remembered != null && now - remembered.untilNanos() < 0) {
      return Optional.of(remembered.tenantId());
    }
    Optional<String> tenant = apiKeys.tenantOf(key);
    if (tenant.isPresent()) {
      if (known.size() >= MAX_REMEMBERED) {
        known.clear();   // a crude bound: a burst of distinct keys only costs lookups again
      }
      known.put(key, new Known(tenant.get(), now + REMEMBER.toNanos()));
    } else {
      known.remove(key);
    }
    return tenant;
  }
}
