package io.suqi.lakehouse.bulk;

import java.io.Serializable;
import java.time.Duration;

/**
 * When a bulk writer writes: when a batch holds {@code batchSize} elements, {@code flushInterval}
 * after the first element of a batch, and at every checkpoint. A failed write is retried
 * {@code maxRetries} times on a new connection before the task fails (and restarts from the
 * last checkpoint).
 */
public record BulkSettings(int batchSize, Duration flushInterval, int maxRetries) implements Serializable {

  public static final BulkSettings DEFAULTS = new BulkSettings(5_000, Duration.ofMillis(200), 3);

  public BulkSettings {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be >= 1, was " + batchSize);
    }
    if (flushInterval == null || flushInterval.isNegative() || flushInterval.isZero()) {
      throw new IllegalArgumentException("flushInterval must be positive, was " + flushInterval);
    }
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must be >= 0, was " + maxRetries);
    }
  }
}
