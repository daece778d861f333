package io.suqi.agents.analytics;

import io.suqi.agents.TenantId;
import io.suqi.agents.analytics.AnalyticsQuery.Grouping;
import io.suqi.agents.analytics.AnalyticsQuery.Order;
import io.suqi.agents.time.TimeRange;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the SQL for an {@link AnalyticsQuery}. Everything that varies with the question is a
 * bind parameter; the SQL text is assembled only from this code's constants. Every statement is
 * restricted to the asking tenant, also where row-level security (V9) would do it anyway.
 */
public final class SqlWriter {

  private static final String COMPLETED_LINES = "FROM retail.transactions t\n"
      + "LEFT JOIN retail.transaction_items i ON i.txn_id = t.txn_id\n";

  /**
   * @param maxRows rows an answer may hold; one more is fetched so the caller can tell whether
   *                rows were cut
   */
  public SqlStatement write(AnalyticsQuery query, TenantId tenant, int maxRows) {
    String tenantId = tenant.value();
    List<Object> parameters = new ArrayList<>();
    String where = completedTransactionsOf(tenantId, query.period(), parameters);
    Metric metric = query.metric();
    if (query.grouping() == Grouping.TOTAL) {
      String sql = "SELECT COALESCE(" + metric.aggregate() + ", " + metric.zero() + ") AS " + metric.column() + "\n"
          + COMPLETED_LINES
          + "WHERE " + where;
      return new SqlStatement(sql, parameters, List.of(new Column(metric.column(), metric.type())));
    }
    // Start from the tenant's stores so a store that sold nothing still ranks (at zero), but leave
    // out stores that had not opened by the end of the period.
    StringBuilder sql = new StringBuilder()
        .append("WITH per_store AS (\n")
        .append("  SELECT t.store_id, ").append(metric.aggregate()).append(" AS ").append(metric.column()).append('\n')
        .append(COMPLETED_LINES.indent(2))
        .append("  WHERE ").append(where).append('\n')
        .append("  GROUP BY t.store_id\n")
        .append(")\n")
        .append("SELECT s.store_id, s.name AS store_name, COALESCE(p.").append(metric.column()).append(", ")
        .append(metric.zero()).append(") AS ").append(metric.column()).append('\n')
        .append("FROM retail.stores s\n")
        .append("LEFT JOIN per_store p ON p.store_id = s.store_id\n")
        .append("WHERE s.tenant_id = ?");
    parameters.add(tenantId);
    if (!query.period().isAllTime()) {
      sql.append(" AND (p.store_id IS NOT NULL OR s.opened_on < ?)");
      parameters.add(firstDayAfter(query.period()));
    }
    sql.append("\nORDER BY ").append(metric.column()).append(query.order() == Order.HIGHEST_FIRST ? " DESC" : " ASC")
        .append(", s.store_id\n")
        .append("LIMIT ?");
    parameters.add(Math.min(query.limit().orElse(Integer.MAX_VALUE), maxRows + 1));
    return new SqlStatement(sql.toString(), parameters, List.of(new Column("store_id", ColumnType.INTEGER),
        new Column("store_name", ColumnType.TEXT), new Column(metric.column(), metric.type())));
  }

  private static String completedTransactionsOf(String tenantId, TimeRange period, List<Object> parameters) {
    parameters.add(tenantId);
    String where = "t.tenant_id = ? AND t.status = 'completed'";
    if (!period.isAllTime()) {
      parameters.add(OffsetDateTime.ofInstant(period.from(), ZoneOffset.UTC));
      parameters.add(OffsetDateTime.ofInstant(period.to(), ZoneOffset.UTC));
      where += " AND t.ts >= ? AND t.ts < ?";
    }
    return where;
  }

  /** The first UTC date wholly after the period (its end, rounded up to a day). */
  private static LocalDate firstDayAfter(TimeRange period) {
    OffsetDateTime end = OffsetDateTime.ofInstant(period.to(), ZoneOffset.UTC);
    LocalDate day = end.toLocalDate();
    return end.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? day : day.plusDays(1);
  }
}
