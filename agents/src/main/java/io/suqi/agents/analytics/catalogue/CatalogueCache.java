package io.suqi.agents.analytics.catalogue;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each tenant's catalogue, read again once it is older than the time to live: names change
 * rarely, and reading them for every question would cost a scan of the tenant's transactions
 * (payment methods).
 */
public final class CatalogueCache {

  public static final Duration DEFAULT_TIME_TO_LIVE = Duration.ofMinutes(1);

  /** Reads a tenant's catalogue from the database. */
  public interface Loader {
    Catalogue load(String tenantId) throws SQLException;
  }

  private final Loader loader;
  private final Clock clock;
  private final Duration timeToLive;
  private final Map<String, Loaded> byTenant = new ConcurrentHashMap<>();

  public CatalogueCache(Loader loader, Clock clock, Duration timeToLive) {
    this.loader = Objects.requireNonNull(loader, "loader");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.timeToLive = Objects.requireNonNull(timeToLive, "timeToLive");
  }

  public Catalogue of(String tenantId) throws SQLException {
    Instant now = clock.instant();
    Loaded loaded = byTenant.get(tenantId);
    if (loaded == null || !now.isBefore(loaded.at().plus(timeToLive))) {
      loaded = new Loaded(loader.load(tenantId), now);
      byTenant.put(tenantId, loaded);
    }
    return loaded.catalogue();
  }

  private record Loaded(Catalogue catalogue, Instant at) {}
}
