package io.suqi.lakehouse.anomaly;

import io.suqi.lakehouse.metrics.SaleDelta;
import java.math.BigDecimal;

/**
 * A store's completed sales on one UTC day.
 *
 * @param revenueSquared the sum of each transaction's revenue squared (how spread basket values are)
 * @param unpriced transactions counted whose lines have not arrived: the revenue is not final
 */
public record DayTotals(long txnCount, BigDecimal revenue, double revenueSquared, long unpriced) {

  static final DayTotals NONE = new DayTotals(0, BigDecimal.ZERO, 0, 0);

  DayTotals plus(SaleDelta delta) {
    return new DayTotals(txnCount + delta.txnCount(), revenue.add(delta.revenue()),
        revenueSquared + delta.revenueSquared(), unpriced + delta.unpriced());
  }
}
