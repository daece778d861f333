package io.suqi.lakehouse.metrics;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A change that reached the minute metrics after its minute had closed: a row of gold.late_events.
 *
 * @param arrivedAt when the job saw it (processing time)
 * @param watermark the event time the job had reached then
 */
public record LateSale(String txnId, int version, String tenantId, long storeId, Instant ts, Instant arrivedAt,
    Instant watermark, LateReason reason, int txnCountDelta, BigDecimal revenueDelta) {

  static LateSale of(SaleDelta delta, long arrivedAt, long watermark) {
    return new LateSale(delta.txnId(), delta.version(), delta.tenantId(), delta.storeId(), delta.ts(),
        Instant.ofEpochMilli(arrivedAt), Instant.ofEpochMilli(watermark), LateReason.of(delta), delta.txnCount(),
        delta.revenue());
  }
}
