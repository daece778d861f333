package io.suqi.agents.analytics;

import io.suqi.agents.TenantId;
import io.suqi.agents.analytics.semantic.Dimension;
import io.suqi.agents.analytics.semantic.Filter;
import io.suqi.agents.analytics.semantic.Metric;
import io.suqi.agents.analytics.semantic.SemanticQuery;
import io.suqi.agents.time.TimeRange;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes the SQL for a {@link SemanticQuery} (docs/ANALYTICS.md). Everything that varies with the
 * question is a bind parameter; the SQL text is assembled only from this code's constants. Reads
 * {@code gold.sales_daily} when the query fits its grain, else silver with the catalogue tables.
 * Every statement is restricted to the asking tenant, also where row-level security would do it.
 */
public final class SqlWriter {

  /**
   * @param maxRows rows an answer may hold; one more is fetched so the caller can tell whether
   *                rows were cut
   */
  public SqlStatement write(SemanticQuery query, TenantId tenant, int maxRows) {
    return switch (query.kind()) {
      case ANOMALIES -> anomalies(query, tenant.value(), maxRows);
      case MEASURES -> query.isComparison() ? comparison(query, tenant.value(), maxRows)
          : measures(query, tenant.value(), maxRows);
    };
  }

  private static SqlStatement measures(SemanticQuery query, String tenant, int maxRows) {
    List<Object> parameters = new ArrayList<>();
    Grouped grouped = grouped(query, query.metrics(), query.period(), tenant, parameters);
    StringBuilder sql = new StringBuilder(grouped.select());
    List<Column> columns = new ArrayList<>(grouped.columns());
    if (query.shareOfTotal()) {
      String first = grouped.aggregates().get(0);
      sql.insert(grouped.endOfSelectList(), ",\n  ROUND(100.0 * " + first + " / NULLIF(SUM(" + first + ") OVER (), 0), 2)"
          + " AS share_pct");
      columns.add(new Column("share_pct", ColumnType.DECIMAL));
    }
    String firstMetric = query.metrics().get(0).column();
    List<String> dimensionColumns = columnNames(query.dimensions());
    if (query.ranking().isPresent()) {
      sql.append("\nORDER BY ").append(firstMetric).append(query.ranking().get().highestFirst() ? " DESC" : " ASC")
          .append(" NULLS LAST");
      dimensionColumns.forEach(c -> sql.append(", ").append(c));
      sql.append("\nLIMIT ?");
      parameters.add(Math.min(query.ranking().get().limit(), maxRows + 1));
    } else if (!query.dimensions().isEmpty()) {
      boolean timeFirst = query.dimensions().get(0).isTime();
      sql.append("\nORDER BY ").append(timeFirst ? String.join(", ", dimensionColumns)
          : firstMetric + " DESC NULLS LAST, " + String.join(", ", dimensionColumns));
      sql.append("\nLIMIT ?");
      parameters.add(maxRows + 1);
    }
    return new SqlStatement(sql.toString(), parameters, columns);
  }

  /** The later period's members against the earlier's, on the first metric. */
  private static SqlStatement comparison(SemanticQuery query, String tenant, int maxRows) {
    Metric metric = query.metrics().get(0);
    List<Object> parameters = new ArrayList<>();
    Grouped later = grouped(query, List.of(metric), query.period(), tenant, parameters);
    Grouped earlier = grouped(query, List.of(metric), query.earlier().orElseThrow(), tenant, parameters);
    List<String> dimensionColumns = columnNames(query.dimensions());
    String m = metric.column();
    String laterValue = "COALESCE(l." + m + ", 0)";
    String earlierValue = "COALESCE(e." + m + ", 0)";
    StringBuilder sql = new StringBuilder()
        .append("WITH later AS (\n").append(later.select().indent(2))
        .append("), earlier AS (\n").append(earlier.select().indent(2)).append(")\n")
        .append("SELECT ");
    for (String column : dimensionColumns) {
      sql.append("COALESCE(l.").append(column).append(", e.").append(column).append(") AS ").append(column).append(", ");
    }
    sql.append(earlierValue).append(" AS ").append(m).append("_earlier, ")
        .append(laterValue).append(" AS ").append(m).append("_later,\n")
        .append("  ").append(laterValue).append(" - ").append(earlierValue).append(" AS change,\n")
        .append("  ROUND(100.0 * (").append(laterValue).append(" - ").append(earlierValue).append(") / NULLIF(")
        .append(earlierValue).append(", 0), 2) AS change_pct\n");
    if (dimensionColumns.isEmpty()) {
      sql.append("FROM later l CROSS JOIN earlier e");
    } else {
      sql.append("FROM later l FULL JOIN earlier e ON ")
          .append(dimensionColumns.stream().map(c -> "l." + c + " = e." + c).collect(Collectors.joining(" AND ")));
    }
    boolean highestFirst = query.ranking().map(r -> r.highestFirst()).orElse(true);
    sql.append("\nORDER BY change").append(highestFirst ? " DESC" : " ASC").append(" NULLS LAST");
    dimensionColumns.forEach(c -> sql.append(", ").append(c));
    sql.append("\nLIMIT ?");
    parameters.add(Math.min(query.ranking().map(r -> r.limit()).orElse(Integer.MAX_VALUE), maxRows + 1));
    List<Column> columns = new ArrayList<>();
    query.dimensions().forEach(d -> columns.addAll(d.columns()));
    columns.add(new Column(m + "_earlier", metric.type()));
    columns.add(new Column(m + "_later", metric.type()));
    columns.add(new Column("change", metric.type()));
    columns.add(new Column("change_pct", ColumnType.DECIMAL));
    return new SqlStatement(sql.toString(), parameters, columns);
  }

  private static SqlStatement anomalies(SemanticQuery query, String tenant, int maxRows) {
    List<Object> parameters = new ArrayList<>();
    StringBuilder sql = new StringBuilder()
        .append("SELECT a.store_id, s.name AS store_name, a.metric, a.window_start, a.observed, a.expected, a.score\n")
        .append("FROM gold.anomalies a\n")
        .append("JOIN retail.stores s ON s.store_id = a.store_id\n")
        .append("WHERE a.tenant_id = ?");
    parameters.add(tenant);
    if (!query.period().isAllTime()) {
      sql.append(" AND a.window_start >= ? AND a.window_start < ?");
      parameters.add(timestamp(query.period().from()));
      parameters.add(timestamp(query.period().to()));
    }
    appendFilters(query.filters(), sql, parameters);
    sql.append("\nORDER BY abs(a.score) DESC, a.window_start, a.store_id\nLIMIT ?");
    parameters.add(maxRows + 1);
    List<Column> columns = List.of(new Column("store_id", ColumnType.INTEGER), new Column("store_name", ColumnType.TEXT),
        new Column("metric", ColumnType.TEXT), new Column("window_start", ColumnType.TIMESTAMP),
        new Column("observed", ColumnType.DECIMAL), new Column("expected", ColumnType.DECIMAL),
        new Column("score", ColumnType.DECIMAL));
    return new SqlStatement(sql.toString(), parameters, columns);
  }

  /**
   * SELECT dimensions, metrics … GROUP BY dimensions, without ORDER BY, with its parameters
   * appended to {@code parameters}.
   */
  private static Grouped grouped(SemanticQuery query, List<Metric> metrics, TimeRange period, String tenant,
      List<Object> parameters) {
    return fitsGold(query, metrics) ? goldGrouped(query, metrics, period, tenant, parameters)
        : silverGrouped(query, metrics, period, tenant, parameters);
  }

  /** Whether gold.sales_daily has every metric, dimension and filter of the query. */
  static boolean fitsGold(SemanticQuery query, List<Metric> metrics) {
    return metrics.stream().allMatch(m -> m.goldAggregate().isPresent())
        && query.dimensions().stream().allMatch(d -> d.goldExpressions().isPresent())
        && query.filters().stream().allMatch(f -> f.dimension().goldExpressions().isPresent()
            && f.dimension().table() == Dimension.Table.STORES);
  }

  private static Grouped goldGrouped(SemanticQuery query, List<Metric> metrics, TimeRange period, String tenant,
      List<Object> parameters) {
    List<String> aggregates = metrics.stream().map(m -> m.goldAggregate().orElseThrow()).toList();
    List<String> expressions = new ArrayList<>();
    query.dimensions().forEach(d -> expressions.addAll(d.goldExpressions().orElseThrow()));
    boolean stores = query.dimensions().stream().anyMatch(d -> d.table() == Dimension.Table.STORES)
        || !query.filters().isEmpty();
    StringBuilder from = new StringBuilder("FROM gold.sales_daily g\n");
    if (stores) {
      from.append("JOIN retail.stores s ON s.store_id = g.store_id\n");
    }
    from.append("WHERE g.tenant_id = ?");
    parameters.add(tenant);
    if (!period.isAllTime()) {
      from.append(" AND g.day >= ? AND g.day < ?");
      parameters.add(day(period.from()));
      parameters.add(day(period.to()));
    }
    appendFilters(query.filters(), from, parameters);
    // A store-day whose sales were all refunded keeps a row of zeros: it had no completed sale.
    // Sums over lines, as in silver, leave out members whose sales had no lines.
    boolean onlyLineMetrics = metrics.stream().allMatch(Metric::lineMetric);
    String having = expressions.isEmpty() ? "" : onlyLineMetrics ? "\nHAVING SUM(g.units) > 0" : "\nHAVING SUM(g.txn_count) > 0";
    return select(query.dimensions(), expressions, metrics, aggregates, from, having);
  }

  private static Grouped silverGrouped(SemanticQuery query, List<Metric> metrics, TimeRange period, String tenant,
      List<Object> parameters) {
    List<String> statuses = metrics.stream().map(m -> m.status().value()).distinct().toList();
    List<String> aggregates = metrics.stream().map(m -> m.silverAggregate(statuses.size() == 1 ? ""
        : " FILTER (WHERE t.status = '" + m.status().value() + "')")).toList();
    List<String> expressions = new ArrayList<>();
    query.dimensions().forEach(d -> expressions.addAll(d.silverExpressions()));

    List<Dimension.Table> tables = new ArrayList<>();
    query.dimensions().forEach(d -> tables.add(d.table()));
    query.filters().forEach(f -> tables.add(f.dimension().table()));
    boolean products = tables.contains(Dimension.Table.PRODUCTS) || metrics.stream().anyMatch(Metric::needsProducts);
    boolean lines = products || metrics.stream().anyMatch(Metric::readsLines);
    // Sums over lines need no line-less transactions; counts of transactions do.
    boolean onlyLineMetrics = products || metrics.stream().allMatch(Metric::lineMetric);

    StringBuilder from = new StringBuilder("FROM silver.transactions t\n");
    if (lines) {
      from.append(onlyLineMetrics ? "JOIN" : "LEFT JOIN").append(" silver.transaction_items i ON i.txn_id = t.txn_id\n");
    }
    if (products) {
      from.append("JOIN retail.products p ON p.product_id = i.product_id\n");
    }
    if (tables.contains(Dimension.Table.STORES)) {
      from.append("JOIN retail.stores s ON s.store_id = t.store_id\n");
    }
    if (tables.contains(Dimension.Table.CUSTOMERS)) {
      from.append("JOIN retail.customers c ON c.customer_id = t.customer_id\n");
    }
    from.append("WHERE t.tenant_id = ? AND t.status IN (")
        .append(statuses.stream().map(s -> "?").collect(Collectors.joining(", "))).append(')');
    parameters.add(tenant);
    parameters.addAll(statuses);
    if (!period.isAllTime()) {
      from.append(" AND t.ts >= ? AND t.ts < ?");
      parameters.add(timestamp(period.from()));
      parameters.add(timestamp(period.to()));
    }
    appendFilters(query.filters(), from, parameters);
    return select(query.dimensions(), expressions, metrics, aggregates, from, "");
  }

  private static Grouped select(List<Dimension> dimensions, List<String> expressions, List<Metric> metrics,
      List<String> aggregates, CharSequence from, String having) {
    List<Column> columns = new ArrayList<>();
    dimensions.forEach(d -> columns.addAll(d.columns()));
    List<String> selected = new ArrayList<>();
    for (int i = 0; i < expressions.size(); i++) {
      selected.add(expressions.get(i) + " AS " + columns.get(i).name());
    }
    for (int i = 0; i < metrics.size(); i++) {
      // a total over no rows is zero (an average of nothing stays null)
      String aggregate = dimensions.isEmpty() && metrics.get(i) != Metric.AVERAGE_BASKET
          ? "COALESCE(" + aggregates.get(i) + ", 0)" : aggregates.get(i);
      selected.add(aggregate + " AS " + metrics.get(i).column());
      columns.add(new Column(metrics.get(i).column(), metrics.get(i).type()));
    }
    String selectList = "SELECT " + String.join(",\n  ", selected);
    StringBuilder sql = new StringBuilder(selectList).append('\n').append(from);
    if (!expressions.isEmpty()) {
      sql.append("\nGROUP BY ").append(String.join(", ", expressions)).append(having);
    }
    return new Grouped(sql.toString(), columns, aggregates, selectList.length());
  }

  private static void appendFilters(List<Filter> filters, StringBuilder sql, List<Object> parameters) {
    for (Filter filter : filters) {
      String column = filter.column();
      sql.append(" AND ").append(column).append(" IN (")
          .append(filter.values().stream().map(v -> "?").collect(Collectors.joining(", "))).append(')');
      parameters.addAll(filter.values());
    }
  }

  private static List<String> columnNames(List<Dimension> dimensions) {
    List<String> names = new ArrayList<>();
    dimensions.forEach(d -> d.columns().forEach(c -> names.add(c.name())));
    return names;
  }

  private static OffsetDateTime timestamp(java.time.Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static LocalDate day(java.time.Instant instant) {
    return LocalDate.ofInstant(instant, ZoneOffset.UTC);
  }

  /** A grouped SELECT, its columns, its metric aggregates, and where its select list ends. */
  private record Grouped(String select, List<Column> columns, List<String> aggregates, int endOfSelectList) {}
}
