package io.suqi.lakehouse.platinum;

import java.io.Serializable;

/**
 * How the platinum features are kept.
 *
 * @param featureRetentionDays how many days before a store's latest sale day a change is still
 *     applied to its feature rows. A change to an older day (a very late correction) is ignored
 *     and counted: its rows are history by then, and keeping every day of every store forever
 *     would grow state without bound. The {@link StoreDayFeatures#LONGEST_WINDOW_DAYS} days before
 *     that horizon are kept as well, since the windows of the days still applied read them.
 */
public record PlatinumSettings(int featureRetentionDays) implements Serializable {

  /** More than a year: a model trained on a year of history still sees corrections to all of it. */
  public static final PlatinumSettings DEFAULTS = new PlatinumSettings(400);

  public PlatinumSettings {
    if (featureRetentionDays < 1) {
      throw new IllegalArgumentException("featureRetentionDays must be >= 1, was " + featureRetentionDays);
    }
  }
}
