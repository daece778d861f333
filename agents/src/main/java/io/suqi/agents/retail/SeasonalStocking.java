package io.suqi.agents.retail;

import io.suqi.agents.TenantId;
import io.suqi.agents.analytics.Column;
import io.suqi.agents.analytics.SqlStatement;
import io.suqi.agents.analytics.TabularResult;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What to stock for a season: last time's sales in the season's window, per category (or per
 * product), against the {@value #BASELINE_DAYS} days just before the window (the seasonal uplift,
 * per day so windows of different lengths compare), and a quantity for the coming season: last
 * season's units (per covered day × the window's days, when the data starts inside the window)
 * × (1 + the safety buffer), rounded up.
 */
final class SeasonalStocking {

  static final int BASELINE_DAYS = 28;

  /** Where last season's window and its baseline fall, clipped to the first day with sales. */
  record Plan(Season season, Season.Window upcoming, Season.Window window, LocalDate coveredFrom,
      LocalDate baselineFrom) {
    long coveredDays() {
      return window.to().toEpochDay() - coveredFrom.toEpochDay();
    }

    long baselineDays() {
      return coveredFrom.equals(window.from()) ? window.from().toEpochDay() - baselineFrom.toEpochDay() : 0;
    }

    static Optional<Plan> of(Season season, LocalDate today, LocalDate firstSaleDay) {
      Season.Window window = season.lastCompleted(today);
      if (firstSaleDay == null || !firstSaleDay.isBefore(window.to())) {
        return Optional.empty();
      }
      LocalDate coveredFrom = firstSaleDay.isAfter(window.from()) ? firstSaleDay : window.from();
      LocalDate baselineFrom = window.from().minusDays(BASELINE_DAYS);
      if (firstSaleDay.isAfter(baselineFrom)) {
        baselineFrom = coveredFrom.equals(window.from()) ? firstSaleDay : window.from();
      }
      return Optional.of(new Plan(season, season.next(today), window, coveredFrom, baselineFrom));
    }
  }

  private SeasonalStocking() {}

  /** Why there is nothing to base a recommendation on. */
  static String noSales(Season season, LocalDate today) {
    Season.Window window = season.lastCompleted(today);
    return "There are no sales in the last " + season.label() + " window (" + window.label() + ", "
        + season.windowRule() + ") to base stocking on.";
  }

  static RetailQuery query(TenantId tenant, Plan plan, Optional<String> category, boolean byProduct,
      BigDecimal buffer, int maxRows) {
    BigDecimal factor = BigDecimal.ONE.add(buffer);
    String key = byProduct ? "p.product_id, p.name AS product, p.category" : "p.category";
    String keyNames = byProduct ? "product_id, product, category" : "category";
    List<Object> parameters = new ArrayList<>();
    parameters.add(Sql.at(plan.coveredFrom()));
    parameters.add(tenant.value());
    parameters.add(Sql.at(plan.baselineFrom()));
    parameters.add(Sql.at(plan.window().to()));
    category.ifPresent(parameters::add);
    int covered = (int) plan.coveredDays();
    int baseline = (int) plan.baselineDays();
    parameters.addAll(List.of(covered, baseline, covered, baseline, covered, (int) plan.window().days(), factor,
        maxRows));
    String sql = """
        WITH lines AS (
          SELECT %s, i.quantity, %s AS revenue, t.ts >= ? AS in_season
          FROM retail.transactions t
          JOIN retail.transaction_items i ON i.txn_id = t.txn_id
          JOIN retail.products p ON p.product_id = i.product_id
          WHERE t.tenant_id = ? AND t.status = 'completed' AND t.ts >= ? AND t.ts < ?%s
        ), per_item AS (
          SELECT %s,
                 coalesce(sum(quantity) FILTER (WHERE in_season), 0) AS season_units,
                 coalesce(sum(revenue) FILTER (WHERE in_season), 0) AS season_revenue,
                 coalesce(sum(quantity) FILTER (WHERE NOT in_season), 0) AS baseline_units
          FROM lines GROUP BY %s
        )
        SELECT %s, season_units, season_revenue,
               round(season_units::numeric / ?, 2) AS season_units_per_day,
               baseline_units,
               round(baseline_units::numeric / nullif(?, 0), 2) AS baseline_units_per_day,
               round((season_units::numeric / ?) / nullif(baseline_units::numeric / nullif(?, 0), 0), 2) AS uplift,
               ceil(season_units::numeric / ? * ? * ?) AS recommended_units
        FROM per_item WHERE season_units > 0
        ORDER BY season_units DESC, season_revenue DESC, %s
        LIMIT ?""".formatted(key, Sql.LINE_REVENUE, category.isPresent() ? " AND p.category = ?" : "",
        keyNames, keyNames, keyNames, keyNames);
    List<Column> columns = new ArrayList<>();
    if (byProduct) {
      columns.addAll(List.of(Sql.integer("product_id"), Sql.text("product"), Sql.text("category")));
    } else {
      columns.add(Sql.text("category"));
    }
    columns.addAll(List.of(Sql.integer("season_units"), Sql.decimal("season_revenue"),
        Sql.decimal("season_units_per_day"), Sql.integer("baseline_units"), Sql.decimal("baseline_units_per_day"),
        Sql.decimal("uplift"), Sql.integer("recommended_units")));
    return new RetailQuery(new SqlStatement(sql, parameters, columns),
        table -> describe(plan, category, byProduct, factor, table));
  }

  private static String describe(Plan plan, Optional<String> category, boolean byProduct, BigDecimal factor,
      TabularResult table) {
    Season season = plan.season();
    String what = (byProduct ? "products" : "categories") + category.map(c -> " in " + c).orElse("");
    StringBuilder text = new StringBuilder("Stocking for ").append(season.label()).append(' ')
        .append(plan.upcoming().to().minusDays(1).getYear())
        .append(" (").append(plan.upcoming().label()).append("), from last time's sales ")
        .append(plan.coveredFrom()).append(" to ").append(plan.window().to().minusDays(1))
        .append(" (").append(season.windowRule()).append(')');
    if (!plan.coveredFrom().equals(plan.window().from())) {
      text.append("; the data starts on ").append(plan.coveredFrom()).append(", so ").append(plan.coveredDays())
          .append(" of the window's ").append(plan.window().days()).append(" days are covered and scaled up");
    }
    if (plan.baselineDays() > 0) {
      text.append(", against the ").append(plan.baselineDays()).append(" days before (").append(plan.baselineFrom())
          .append(" to ").append(plan.window().from().minusDays(1)).append(")");
    } else {
      text.append("; no sales before the window, so no seasonal uplift can be shown");
    }
    text.append(". ");
    if (table.rows().isEmpty()) {
      return text.append("No ").append(what).append(" sold in that window.").toString();
    }
    int offset = byProduct ? 2 : 0; // product_id, product, category come before the figures
    int name = byProduct ? 1 : 0;
    text.append("By units sold, ").append(what).append(": ");
    List<String> top = new ArrayList<>();
    for (List<String> row : table.rows().subList(0, Math.min(5, table.rows().size()))) {
      top.add(row.get(name) + " " + row.get(offset + 1) + " units (" + row.get(offset + 2) + " revenue) → stock "
          + row.get(offset + 7) + " = " + row.get(offset + 1) + " × " + factor.toPlainString()
          + (plan.coveredDays() == plan.window().days() ? ""
              : " ÷ " + plan.coveredDays() + " × " + plan.window().days() + " days")
          + " rounded up");
    }
    text.append(String.join("; ", top)).append('.');
    int upliftColumn = offset + 6;
    List<List<String>> rising = table.rows().stream()
        .filter(row -> row.get(upliftColumn) != null && new BigDecimal(row.get(upliftColumn)).compareTo(BigDecimal.ONE) > 0)
        .sorted(Comparator.comparing((List<String> row) -> new BigDecimal(row.get(upliftColumn))).reversed())
        .limit(3).toList();
    if (!rising.isEmpty()) {
      List<String> uplifts = new ArrayList<>();
      for (List<String> row : rising) {
        uplifts.add(row.get(name) + " ×" + row.get(upliftColumn) + " (" + row.get(offset + 3) + " units a day vs "
            + row.get(offset + 5) + ")");
      }
      text.append(" Biggest seasonal uplift against the days before: ").append(String.join(", ", uplifts))
          .append(": stock these up ahead of the season.");
    }
    text.append(" Recommended units = last season's units × ").append(factor.toPlainString())
        .append(" (a safety buffer of ").append(factor.subtract(BigDecimal.ONE).movePointRight(2).stripTrailingZeros()
            .toPlainString()).append("%), rounded up.");
    if (table.truncated()) {
      text.append(" Only the first ").append(table.rows().size()).append(" rows are shown.");
    }
    return text.toString();
  }
}
