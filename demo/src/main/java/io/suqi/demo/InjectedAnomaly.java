package io.suqi.demo;

import java.time.LocalDate;

/**
 * One store-day whose volume was changed on purpose: a row of demo.injected_anomalies.
 *
 * @param volumeFactor the store-day's expected transactions are multiplied by this
 * @param baselineTransactions the expected transactions without the anomaly
 */
record InjectedAnomaly(String tenantId, long storeId, LocalDate day, AnomalyKind kind,
    double volumeFactor, double baselineTransactions) {}
