package io.suqi.lakehouse;

import java.time.Duration;

/**
 * Event time of the job: the sale time (ts) of each transaction, for the analytics that attach to
 * the medallion streams (minute metrics, anomaly scoring). The medallion layers themselves do not
 * depend on it.
 *
 * @param outOfOrderness how far behind the latest sale time seen on a Kafka partition a record may
 *     still arrive and count as on time: the watermark trails the partition by this much
 * @param idleness a partition without records for this long stops holding the watermark back, so a
 *     quiet partition (or topic) cannot stall every window
 * @param allowedLateness how long after the watermark passed a window a change still updates it
 *     (and re-emits it); later changes go to gold.late_events
 */
public record EventTimeSettings(Duration outOfOrderness, Duration idleness, Duration allowedLateness) {

  public static final EventTimeSettings DEFAULTS =
      new EventTimeSettings(Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(10));

  public EventTimeSettings {
    MedallionSettings.requirePositive(outOfOrderness, "outOfOrderness");
    MedallionSettings.requirePositive(idleness, "idleness");
    if (allowedLateness == null || allowedLateness.isNegative()) {
      throw new IllegalArgumentException("allowedLateness must be zero or positive, was " + allowedLateness);
    }
  }
}
