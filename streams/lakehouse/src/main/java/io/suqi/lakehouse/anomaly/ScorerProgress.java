package io.suqi.lakehouse.anomaly;

/**
 * Where the scoring of one store stands.
 *
 * @param nextDay the first epoch day not scored yet; its timer is the store's only timer
 * @param started whether a day has been scored (before that, an earlier sale may move nextDay back)
 * @param lastSaleAt the latest sale time seen (epoch ms), Long.MIN_VALUE before any
 */
public record ScorerProgress(long nextDay, boolean started, long lastSaleAt) {

  ScorerProgress withSaleAt(long saleAt) {
    return new ScorerProgress(nextDay, started, Math.max(lastSaleAt, saleAt));
  }

  ScorerProgress scored(long day) {
    return new ScorerProgress(day + 1, true, lastSaleAt);
  }
}
