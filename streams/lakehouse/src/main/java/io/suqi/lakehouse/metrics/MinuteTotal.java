package io.suqi.lakehouse.metrics;

import java.math.BigDecimal;

/**
 * The running total of one store-minute while it is open.
 *
 * @param emitted whether a total was already sent, so that a correction back to nothing is sent too
 */
public record MinuteTotal(long txnCount, BigDecimal revenue, boolean emitted) {

  static final MinuteTotal EMPTY = new MinuteTotal(0, BigDecimal.ZERO, false);

  MinuteTotal plus(SaleDelta delta) {
    return new MinuteTotal(txnCount + delta.txnCount(), revenue.add(delta.revenue()), emitted);
  }

  MinuteTotal asEmitted() {
    return new MinuteTotal(txnCount, revenue, true);
  }

  /** Nothing to report: never emitted and nothing counted (e.g. a sale voided within its minute). */
  boolean isSilent() {
    return !emitted && txnCount == 0 && revenue.signum() == 0;
  }
}
