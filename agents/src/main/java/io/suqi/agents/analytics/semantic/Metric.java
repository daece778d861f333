package io.suqi.agents.analytics.semantic;

import io.suqi.agents.analytics.ColumnType;
import java.util.Optional;

/**
 * What a question measures (docs/ANALYTICS.md, "Metrics"). The SQL fragments are constants of this
 * code, never text from a question. Silver fragments refer to {@code silver.transactions t},
 * {@code silver.transaction_items i} and {@code retail.products p}; gold fragments to
 * {@code gold.sales_daily g}. All but refunds and voids count completed transactions only, which
 * the writer also puts in the WHERE clause.
 */
public enum Metric {
  REVENUE("revenue", "revenue", ColumnType.DECIMAL, Status.COMPLETED, true, false,
      "SUM(i.revenue){f}", "SUM(g.revenue)"),
  TRANSACTIONS("transactions", "transactions", ColumnType.INTEGER, Status.COMPLETED, false, false,
      "COUNT(DISTINCT t.txn_id){f}", "SUM(g.txn_count)"),
  UNITS("units", "units sold", ColumnType.INTEGER, Status.COMPLETED, true, false,
      "SUM(i.quantity){f}", "SUM(g.units)"),
  AVERAGE_BASKET("average_basket", "average basket", ColumnType.DECIMAL, Status.COMPLETED, false, false,
      "ROUND(SUM(i.revenue){f} / NULLIF(COUNT(DISTINCT t.txn_id){f}, 0), 2)",
      "ROUND(SUM(g.revenue) / NULLIF(SUM(g.txn_count), 0), 2)"),
  DISCOUNTS("discounts", "discounts", ColumnType.DECIMAL, Status.COMPLETED, true, false,
      "SUM(i.discount){f}", null),
  GROSS_MARGIN("gross_margin", "gross margin", ColumnType.DECIMAL, Status.COMPLETED, true, true,
      "SUM(i.revenue - i.quantity * p.unit_cost){f}", null),
  DISTINCT_CUSTOMERS("distinct_customers", "distinct customers", ColumnType.INTEGER, Status.COMPLETED, false, false,
      "COUNT(DISTINCT t.customer_id){f}", null),
  REFUNDS("refunds", "refunds", ColumnType.INTEGER, Status.REFUNDED, false, false,
      "COUNT(DISTINCT t.txn_id){f}", null),
  VOIDS("voids", "voided transactions", ColumnType.INTEGER, Status.VOID, false, false,
      "COUNT(DISTINCT t.txn_id){f}", null);

  /** The transaction status a metric counts; a value of silver.transactions.status. */
  public enum Status {
    COMPLETED("completed"), REFUNDED("refunded"), VOID("void");

    private final String value;

    Status(String value) {
      this.value = value;
    }

    public String value() {
      return value;
    }
  }

  private final String column;
  private final String words;
  private final ColumnType type;
  private final Status status;
  private final boolean lineMetric;
  private final boolean needsProducts;
  private final String silver;
  private final String gold;

  Metric(String column, String words, ColumnType type, Status status, boolean lineMetric, boolean needsProducts,
      String silver, String gold) {
    this.column = column;
    this.words = words;
    this.type = type;
    this.status = status;
    this.lineMetric = lineMetric;
    this.needsProducts = needsProducts;
    this.silver = silver;
    this.gold = gold;
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

  public Status status() {
    return status;
  }

  /** Sums over lines only, so transactions without lines add nothing (an inner join will do). */
  public boolean lineMetric() {
    return lineMetric;
  }

  public boolean needsProducts() {
    return needsProducts;
  }

  /**
   * The aggregate over silver; {@code statusFilter} is appended to each aggregate call (e.g.
   * {@code " FILTER (WHERE t.status = 'refunded')"}, or "" when the WHERE clause already selects
   * the one status the query counts).
   */
  public String silverAggregate(String statusFilter) {
    return silver.replace("{f}", statusFilter);
  }

  /** Whether its silver aggregate reads transaction lines. */
  public boolean readsLines() {
    return lineMetric || this == AVERAGE_BASKET;
  }

  /** The aggregate over gold.sales_daily, or empty where gold lacks the grain. */
  public Optional<String> goldAggregate() {
    return Optional.ofNullable(gold);
  }
}
