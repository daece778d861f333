package io.suqi.orchestrator.cache;

import com.google.common.hash.BloomFilter;
import com.google.common.hash.Funnel;

/**
 * Which keys the answer cache may hold: a Bloom filter in the heap, in front of its RocksDB store.
 * Most questions are new, and looking up a key the store does not hold still costs a native read
 * through the store's layers (7 % of the router's thread). The filter may say "maybe" for a key the
 * store does not hold (the store then answers), never "no" for one it does: it is filled with the
 * store's keys when the task starts (after the store is restored) and at each eviction sweep, and
 * every answer cached adds its key.
 */
final class CachedKeys {

  /** Sized for at least this many keys, or for twice the keys held when it is filled. */
  static final long MIN_EXPECTED_KEYS = 100_000;
  private static final double FALSE_POSITIVES = 0.01;
  /**
   * A key goes into the filter as its {@code String.hashCode()}: hashing 4 bytes instead of a key's
   * 120 (with Guava's own string funnel the filter cost more than the RocksDB read it saves). Keys
   * with the same 32-bit hash share their bits: a few more "maybe"s, never a "no" for a held key.
   */
  private static final Funnel<String> BY_HASH_CODE = (key, into) -> into.putInt(key.hashCode());

  private BloomFilter<String> filter = empty(0);

  /** A filter of no keys, sized for about {@code heldNow} (the store's estimate) and more. */
  static BloomFilter<String> empty(long heldNow) {
    return BloomFilter.create(BY_HASH_CODE, Math.max(MIN_EXPECTED_KEYS, 2 * heldNow), FALSE_POSITIVES);
  }

  boolean mayHold(String key) {
    return filter.mightContain(key);
  }

  void add(String key) {
    filter.put(key);
  }

  /** From now on, the keys of {@code filled} (all the store holds). */
  void replaceWith(BloomFilter<String> filled) {
    filter = filled;
  }
}
