package io.suqi.lakehouse;

import java.time.Duration;

/**
 * How the medallion job behaves, independent of where it reads and writes.
 *
 * @param txnRetention how long the dedupe state of a transaction is kept after its last change:
 *     copies and corrections arriving within it are merged exactly, later ones count as new
 * @param qualityWindow the processing-time window over which expectation results are counted
 * @param goldFlushInterval how often at most a gold row is written (its latest total then):
 *     the freshness of gold traded against write load
 */
public record MedallionSettings(Duration txnRetention, Duration qualityWindow, Duration goldFlushInterval) {

  public static final MedallionSettings DEFAULTS =
      new MedallionSettings(Duration.ofDays(7), Duration.ofMinutes(1), Duration.ofMillis(500));

  public MedallionSettings {
    requirePositive(txnRetention, "txnRetention");
    requirePositive(qualityWindow, "qualityWindow");
    requirePositive(goldFlushInterval, "goldFlushInterval");
  }

  static void requirePositive(Duration duration, String name) {
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be a positive duration, was " + duration);
    }
  }
}
