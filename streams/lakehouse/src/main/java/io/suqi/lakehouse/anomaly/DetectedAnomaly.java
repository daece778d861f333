package io.suqi.lakehouse.anomaly;

import io.suqi.lakehouse.metrics.StoreKey;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * An unusual window of a store metric: a row of gold.anomalies and an Anomaly on the anomalies
 * topic.
 *
 * @param anomalyId "tenant/store/metric/window start": the same anomaly found again (a replay after
 *     a restore) has the same id and updates its row instead of adding one
 * @param detectedAt when the job scored the window (processing time)
 */
public record DetectedAnomaly(String anomalyId, String tenantId, long storeId, String metric, Instant windowStart,
    Instant windowEnd, double observed, double expected, double score, Instant detectedAt) {

  static DetectedAnomaly ofDay(StoreKey store, AnomalyMetric metric, LocalDate day, Score score, Instant detectedAt) {
    Instant start = day.atStartOfDay().toInstant(ZoneOffset.UTC);
    return new DetectedAnomaly(store + "/" + metric.label() + "/" + start, store.tenantId(), store.storeId(),
        metric.label(), start, start.plus(Duration.ofDays(1)), score.observed(), score.expected(),
        score.score(), detectedAt);
  }

  public String storeKey() {
    return new StoreKey(tenantId, storeId).toString();
  }
}
