package io.suqi.lakehouse.metrics;

/** Why a change arrived after its minute had closed: what kind of change it was. */
public enum LateReason {
  /** A completed sale, counted for the first time. */
  SALE_AFTER_CLOSE,
  /** A counted sale refunded, voided, deleted or moved to another store or time. */
  TAKEN_BACK_AFTER_CLOSE,
  /** A counted sale's revenue changed, e.g. its lines arrived after its header. */
  REVENUE_CHANGE_AFTER_CLOSE;

  static LateReason of(SaleDelta delta) {
    return delta.txnCount() > 0 ? SALE_AFTER_CLOSE
        : delta.txnCount() < 0 ? TAKEN_BACK_AFTER_CLOSE : REVENUE_CHANGE_AFTER_CLOSE;
  }

  /** The value stored in gold.late_events.reason. */
  public String label() {
    return name().toLowerCase();
  }
}
