package io.suqi.agents.analytics;

/**
 * What is measured, over completed transactions only. The SQL fragments are constants of this
 * code, never text from a question; they refer to {@code retail.transactions t} left-joined with
 * {@code retail.transaction_items i}.
 */
public enum Metric {
  /** Sum over lines of quantity × unit price − discount. */
  REVENUE("revenue", "revenue", ColumnType.DECIMAL, "SUM(i.quantity * i.unit_price - i.discount)", "0.00"),
  /** Sum of quantities. */
  UNITS("units", "units sold", ColumnType.INTEGER, "SUM(i.quantity)", "0"),
  /** Distinct completed transactions (also those without lines). */
  TRANSACTIONS("transactions", "transactions", ColumnType.INTEGER, "COUNT(DISTINCT t.txn_id)", "0");

  private final String column;
  private final String words;
  private final ColumnType type;
  private final String aggregate;
  private final String zero;

  Metric(String column, String words, ColumnType type, String aggregate, String zero) {
    this.column = column;
    this.words = words;
    this.type = type;
    this.aggregate = aggregate;
    this.zero = zero;
  }

  /** The result column name. */
  public String column() {
    return column;
  }

  /** How a sentence names it: "revenue", "units sold". */
  public String words() {
    return words;
  }

  public ColumnType type() {
    return type;
  }

  String aggregate() {
    return aggregate;
  }

  /** The value when nothing matched, typed like the aggregate (0.00 keeps revenue's two decimals). */
  String zero() {
    return zero;
  }
}
