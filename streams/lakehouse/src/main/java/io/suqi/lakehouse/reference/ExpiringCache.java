package io.suqi.lakehouse.reference;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A bounded cache of found values that expire after a time to live. Only hits are cached: a
 * store or product that is missing now may be inserted a moment later, so misses are asked again.
 */
final class ExpiringCache<K, V> {

  private record Entry<V>(V value, long expiresAtMillis) {}

  private final Duration timeToLive;
  private final Clock clock;
  private final Map<K, Entry<V>> entries;

  ExpiringCache(int capacity, Duration timeToLive, Clock clock) {
    this.timeToLive = timeToLive;
    this.clock = clock;
    // Access order + removeEldestEntry: least recently used entries leave first.
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, Entry<V>> eldest) {
        return size() > capacity;
      }
    };
  }

  Optional<V> get(K key) {
    Entry<V> entry = entries.get(key);
    if (entry == null) {
      return Optional.empty();
    }
    if (entry.expiresAtMillis() <= clock.millis()) {
      entries.remove(key);
      return Optional.empty();
    }
    return Optional.of(entry.value());
  }

  void put(K key, V value) {
    entries.put(key, new Entry<>(value, clock.millis() + timeToLive.toMillis()));
  }

  int size() {
    return entries.size();
  }
}
