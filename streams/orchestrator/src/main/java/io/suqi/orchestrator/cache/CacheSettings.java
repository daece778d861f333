package io.suqi.orchestrator.cache;

import java.time.Duration;

/** @param ttl how long an answer is served from the cache (answers over data also end at 00:00 UTC) */
public record CacheSettings(Duration ttl) {

  public static final CacheSettings DEFAULTS = new CacheSettings(Duration.ofHours(24));

  public CacheSettings {
    if (ttl == null || ttl.isNegative()) {
      throw new IllegalArgumentException("cache ttl must be zero (no cache) or positive, was " + ttl);
    }
  }

  boolean enabled() {
    return !ttl.isZero();
  }
}
