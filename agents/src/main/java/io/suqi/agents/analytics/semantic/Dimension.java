package io.suqi.agents.analytics.semantic;

import io.suqi.agents.analytics.Column;
import io.suqi.agents.analytics.ColumnType;
import java.util.List;
import java.util.Optional;

/**
 * What a question breaks its metrics down by (docs/ANALYTICS.md, "Dimensions"). Silver expressions
 * refer to {@code silver.transactions t}, {@code retail.stores s}, {@code retail.products p} and
 * {@code retail.customers c}; gold expressions to {@code gold.sales_daily g} and {@code s}.
 */
public enum Dimension {
  STORE("store", Table.STORES, List.of(col("store_id", ColumnType.INTEGER), col("store_name", ColumnType.TEXT)),
      List.of("s.store_id", "s.name"), List.of("s.store_id", "s.name"), "s.name", "s.store_id"),
  REGION("region", Table.STORES, List.of(col("region", ColumnType.TEXT)),
      List.of("s.region"), List.of("s.region"), "s.region", null),
  CITY("city", Table.STORES, List.of(col("city", ColumnType.TEXT)),
      List.of("s.city"), List.of("s.city"), "s.city", null),
  CATEGORY("category", Table.PRODUCTS, List.of(col("category", ColumnType.TEXT)),
      List.of("p.category"), null, "p.category", null),
  BRAND("brand", Table.PRODUCTS, List.of(col("brand", ColumnType.TEXT)),
      List.of("p.brand"), null, "p.brand", null),
  PRODUCT("product", Table.PRODUCTS, List.of(col("product_id", ColumnType.INTEGER), col("product_name", ColumnType.TEXT)),
      List.of("p.product_id", "p.name"), null, "p.name", "p.product_id"),
  SEGMENT("customer segment", Table.CUSTOMERS, List.of(col("segment", ColumnType.TEXT)),
      List.of("c.segment"), null, "c.segment", null),
  PAYMENT_METHOD("payment method", Table.TRANSACTIONS, List.of(col("payment_method", ColumnType.TEXT)),
      List.of("t.payment_method"), null, "t.payment_method", null),
  HOUR("hour", Table.TRANSACTIONS, List.of(col("hour", ColumnType.INTEGER)),
      List.of("EXTRACT(HOUR FROM t.ts AT TIME ZONE 'UTC')::int"), null, null, null),
  DAY("day", Table.TRANSACTIONS, List.of(col("day", ColumnType.DATE)),
      List.of("(t.ts AT TIME ZONE 'UTC')::date"), List.of("g.day"), null, null),
  WEEK("week", Table.TRANSACTIONS, List.of(col("week", ColumnType.DATE)),
      List.of("date_trunc('week', t.ts AT TIME ZONE 'UTC')::date"), List.of("date_trunc('week', g.day)::date"), null, null),
  MONTH("month", Table.TRANSACTIONS, List.of(col("month", ColumnType.DATE)),
      List.of("date_trunc('month', t.ts AT TIME ZONE 'UTC')::date"), List.of("date_trunc('month', g.day)::date"), null, null),
  QUARTER("quarter", Table.TRANSACTIONS, List.of(col("quarter", ColumnType.DATE)),
      List.of("date_trunc('quarter', t.ts AT TIME ZONE 'UTC')::date"), List.of("date_trunc('quarter', g.day)::date"),
      null, null),
  YEAR("year", Table.TRANSACTIONS, List.of(col("year", ColumnType.DATE)),
      List.of("date_trunc('year', t.ts AT TIME ZONE 'UTC')::date"), List.of("date_trunc('year', g.day)::date"), null, null);

  /** The table a dimension's columns come from, which decides the joins. */
  public enum Table { TRANSACTIONS, STORES, PRODUCTS, CUSTOMERS }

  private final String words;
  private final Table table;
  private final List<Column> columns;
  private final List<String> silver;
  private final List<String> gold;
  private final String nameColumn;
  private final String idColumn;

  Dimension(String words, Table table, List<Column> columns, List<String> silver, List<String> gold,
      String nameColumn, String idColumn) {
    this.words = words;
    this.table = table;
    this.columns = columns;
    this.silver = silver;
    this.gold = gold;
    this.nameColumn = nameColumn;
    this.idColumn = idColumn;
  }

  public String words() {
    return words;
  }

  public Table table() {
    return table;
  }

  /** The answer's columns for this dimension, in order. */
  public List<Column> columns() {
    return columns;
  }

  public List<String> silverExpressions() {
    return silver;
  }

  /** Expressions over gold.sales_daily, or empty where gold lacks the grain. */
  public Optional<List<String>> goldExpressions() {
    return Optional.ofNullable(gold);
  }

  /** The column a catalogue name of this kind is compared with, or empty if names don't filter it. */
  public Optional<String> nameColumn() {
    return Optional.ofNullable(nameColumn);
  }

  /** The column an id ("store 7") is compared with, or empty. */
  public Optional<String> idColumn() {
    return Optional.ofNullable(idColumn);
  }

  public boolean isTime() {
    return this == HOUR || this == DAY || this == WEEK || this == MONTH || this == QUARTER || this == YEAR;
  }

  private static Column col(String name, ColumnType type) {
    return new Column(name, type);
  }
}
