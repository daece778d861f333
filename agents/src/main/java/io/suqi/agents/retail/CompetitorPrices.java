package io.suqi.agents.retail;

import io.suqi.agents.TenantId;
import io.suqi.agents.analytics.SqlStatement;
import io.suqi.agents.analytics.TabularResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Our unit price against each competitor's latest observed price of the same product: above or
 * below, by how much (difference = ours − theirs, and as a % of theirs). For a category, brand or
 * products named, and a competitor named, or overall; ranked by the most overpriced, the most
 * underpriced, or the largest gap either way. "By competitor" sums it up per competitor.
 */
final class CompetitorPrices {

  /** Which gaps come first. */
  enum Ranking {
    MOST_ABOVE("difference_pct DESC"), MOST_BELOW("difference_pct ASC"), LARGEST_GAP("abs(difference_pct) DESC");

    final String order;

    Ranking(String order) {
      this.order = order;
    }

    static Ranking of(String question) {
      String text = question.toLowerCase(Locale.ROOT);
      if (text.contains("above") && text.contains("below")) {
        return LARGEST_GAP;
      }
      if (text.matches("(?s).*\\b(?:underpriced|under-priced|cheaper than (?:them|competitors?|the competition)"
          + "|we(?:'re| are) (?:cheaper|below)|below|undercut(?:ting)? (?:them|competitors?)|room to raise|raise).*")) {
        return MOST_BELOW;
      }
      if (text.matches("(?s).*\\b(?:overpriced|over-priced|above|more expensive|too expensive|competitors? (?:are )?cheaper"
          + "|cheaper than us|undercut(?:ting)? us|beat(?:ing)? us|lowest prices?|match).*")) {
        return MOST_ABOVE;
      }
      return LARGEST_GAP;
    }
  }

  private static final String LATEST = """
      WITH latest AS (
        SELECT DISTINCT ON (cp.product_id, cp.competitor) cp.product_id, cp.competitor, cp.price, cp.observed_at
        FROM retail.competitor_prices cp
        JOIN retail.products p ON p.product_id = cp.product_id
        WHERE p.tenant_id = ?%s
        ORDER BY cp.product_id, cp.competitor, cp.observed_at DESC
      ), compared AS (
        SELECT p.product_id, p.name AS product, p.category, p.brand, l.competitor, p.unit_price AS our_price,
               l.price AS competitor_price, p.unit_price - l.price AS difference,
               round(100 * (p.unit_price - l.price) / l.price, 1) AS difference_pct, l.observed_at
        FROM latest l JOIN retail.products p ON p.product_id = l.product_id
      )
      """;

  private CompetitorPrices() {}

  static RetailQuery query(TenantId tenant, Optional<Catalogue.Mention> scope, Optional<String> competitor,
      Ranking ranking, boolean byCompetitor, int maxRows) {
    List<Object> parameters = new ArrayList<>(List.of(tenant.value()));
    StringBuilder filter = new StringBuilder();
    scope.ifPresent(mention -> {
      String column = switch (mention.kind()) {
        case CATEGORY -> "p.category";
        case BRAND -> "p.brand";
        default -> "p.name";
      };
      filter.append(" AND ").append(column).append(" IN ").append(Sql.placeholders(mention.values().size()));
      parameters.addAll(mention.values());
    });
    competitor.ifPresent(name -> {
      filter.append(" AND cp.competitor = ?");
      parameters.add(name);
    });
    parameters.add(maxRows);
    String scopeLabel = scope.map(Catalogue.Mention::label).orElse("all tracked products")
        + competitor.map(c -> " against " + c).orElse("");
    if (byCompetitor) {
      String sql = LATEST.formatted(filter) + """
          SELECT competitor, count(*) AS products_compared,
                 count(*) FILTER (WHERE difference > 0) AS we_are_above,
                 count(*) FILTER (WHERE difference < 0) AS we_are_below,
                 count(*) FILTER (WHERE difference = 0) AS level,
                 round(avg(difference_pct), 1) AS avg_difference_pct, max(observed_at) AS latest_observation
          FROM compared GROUP BY competitor
          ORDER BY avg_difference_pct DESC, competitor
          LIMIT ?""";
      return new RetailQuery(new SqlStatement(sql, parameters, Sql.columns(Sql.text("competitor"),
          Sql.integer("products_compared"), Sql.integer("we_are_above"), Sql.integer("we_are_below"),
          Sql.integer("level"), Sql.decimal("avg_difference_pct"), Sql.timestamp("latest_observation"))),
          table -> describeByCompetitor(scopeLabel, table));
    }
    String sql = LATEST.formatted(filter) + """
        SELECT product_id, product, category, brand, competitor, our_price, competitor_price, difference,
               difference_pct,
               CASE WHEN difference > 0 THEN 'above' WHEN difference < 0 THEN 'below' ELSE 'level' END AS position,
               observed_at
        FROM compared
        ORDER BY %s, product_id, competitor
        LIMIT ?""".formatted(ranking.order);
    return new RetailQuery(new SqlStatement(sql, parameters, Sql.columns(Sql.integer("product_id"),
        Sql.text("product"), Sql.text("category"), Sql.text("brand"), Sql.text("competitor"),
        Sql.decimal("our_price"), Sql.decimal("competitor_price"), Sql.decimal("difference"),
        Sql.decimal("difference_pct"), Sql.text("position"), Sql.timestamp("observed_at"))),
        table -> describe(scopeLabel, ranking, table));
  }

  private static String describe(String scope, Ranking ranking, TabularResult table) {
    if (table.rows().isEmpty()) {
      return "No competitor prices observed for " + scope + ".";
    }
    int above = 0;
    int below = 0;
    for (List<String> row : table.rows()) {
      int sign = new BigDecimal(row.get(7)).signum();
      above += sign > 0 ? 1 : 0;
      below += sign < 0 ? 1 : 0;
    }
    int level = table.rows().size() - above - below;
    StringBuilder text = new StringBuilder("Our prices against each competitor's latest observed price, ")
        .append(scope).append(": we are above on ").append(above).append(" of ").append(table.rows().size())
        .append(" product-competitor pairs, below on ").append(below).append(", level on ").append(level)
        .append(table.truncated() ? " (first " + table.rows().size() + " pairs only)" : "").append(". ")
        .append(switch (ranking) {
          case MOST_ABOVE -> "Most overpriced";
          case MOST_BELOW -> "Most underpriced";
          case LARGEST_GAP -> "Largest gaps";
        }).append(": ");
    List<String> top = new ArrayList<>();
    for (List<String> row : table.rows().subList(0, Math.min(5, table.rows().size()))) {
      String sign = new BigDecimal(row.get(7)).signum() > 0 ? "+" : "";
      top.add(row.get(1) + " " + row.get(5) + " vs " + row.get(4) + " " + row.get(6) + " (" + sign + row.get(7)
          + ", " + sign + row.get(8) + "%, " + row.get(9) + ", seen " + row.get(10).substring(0, 10) + ")");
    }
    return text.append(String.join("; ", top)).append(". Difference = our price − theirs; % of theirs.").toString();
  }

  private static String describeByCompetitor(String scope, TabularResult table) {
    if (table.rows().isEmpty()) {
      return "No competitor prices observed for " + scope + ".";
    }
    List<String> parts = new ArrayList<>();
    for (List<String> row : table.rows()) {
      parts.add(row.get(0) + ": " + row.get(1) + " products compared, we are above on " + row.get(2) + ", below on "
          + row.get(3) + ", on average " + (new BigDecimal(row.get(5)).signum() > 0 ? "+" : "") + row.get(5) + "%");
    }
    return "Our prices against each competitor's latest observed prices, " + scope + ": " + String.join("; ", parts)
        + ". The competitor at the top is the one we are most above (it is cheapest against us).";
  }
}
