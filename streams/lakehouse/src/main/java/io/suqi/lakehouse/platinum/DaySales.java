package io.suqi.lakehouse.platinum;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** A store's completed sales on one UTC day, as gold.sales_daily holds them. */
public record DaySales(BigDecimal revenue, long txnCount, long units) {

  static final DaySales NONE = new DaySales(BigDecimal.ZERO, 0, 0);

  DaySales plus(DaySales other) {
    return new DaySales(revenue.add(other.revenue), txnCount + other.txnCount, units + other.units);
  }

  /** Revenue per transaction to 4 decimals (half-even); null without a transaction. */
  BigDecimal averageBasket() {
    return txnCount == 0 ? null : revenue.divide(BigDecimal.valueOf(txnCount), 4, RoundingMode.HALF_EVEN);
  }
}
