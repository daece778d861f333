package io.suqi.lakehouse.anomaly;

/** The store metrics that are scored; the label is gold.anomalies.metric and Anomaly.metric. */
public enum AnomalyMetric {
  TXN_COUNT,
  REVENUE;

  public String label() {
    return name().toLowerCase();
  }

  double value(DayTotals day) {
    return this == TXN_COUNT ? day.txnCount() : day.revenue().doubleValue();
  }

  /** Revenue is only known once every counted transaction has its lines. */
  boolean measurable(DayTotals day) {
    return this == TXN_COUNT || day.unpriced() == 0;
  }
}
