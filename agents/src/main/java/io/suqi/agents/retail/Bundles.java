package io.suqi.agents.retail;

import io.suqi.agents.TenantId;
import io.suqi.agents.analytics.SqlStatement;
import io.suqi.agents.analytics.TabularResult;
import io.suqi.agents.time.TimeRange;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Items bought together in the same completed transaction (a basket), as market-basket analysis
 * measures it: support = baskets with both / all baskets; confidence(A → B) = baskets with both /
 * baskets with A; lift = confidence(A → B) / share of baskets with B (above 1: bought together more
 * often than chance). Pairs seen in fewer than {@value #MIN_TOGETHER} baskets are left out as noise.
 * Either the strongest pairs overall, or what sells with the products, category or brand named.
 */
final class Bundles {

  static final int MIN_TOGETHER = 3;

  private Bundles() {}

  /** @param byCategory pairs of categories rather than of products */
  static RetailQuery query(TenantId tenant, TimeRange range, Optional<Catalogue.Mention> anchor, boolean byCategory,
      int maxRows) {
    List<Object> parameters = new ArrayList<>(List.of(tenant.value(), Sql.at(range.from(), Sql.EARLIEST),
        Sql.at(range.to(), Sql.LATEST)));
    String item = byCategory ? "p.category" : "p.name";
    String baskets = """
        WITH lines AS (
          SELECT DISTINCT t.txn_id, %s AS item, %s AS anchor
          FROM retail.transactions t
          JOIN retail.transaction_items i ON i.txn_id = t.txn_id
          JOIN retail.products p ON p.product_id = i.product_id
          WHERE t.tenant_id = ? AND t.status = 'completed' AND t.ts >= ? AND t.ts < ?
        ), total AS (SELECT count(DISTINCT txn_id) AS baskets FROM lines),
        item_baskets AS (SELECT item, count(*) AS baskets FROM lines GROUP BY item)
        """;
    if (anchor.isEmpty()) {
      parameters.addAll(List.of(MIN_TOGETHER, maxRows));
      String sql = baskets.formatted(item, "false") + """
          , pairs AS (
            SELECT a.item AS item_a, b.item AS item_b, count(*) AS together
            FROM lines a JOIN lines b ON b.txn_id = a.txn_id AND a.item < b.item
            GROUP BY 1, 2
          )
          SELECT pr.item_a, pr.item_b, pr.together, ia.baskets AS baskets_a, ib.baskets AS baskets_b,
                 tt.baskets AS all_baskets,
                 round(pr.together::numeric / tt.baskets, 4) AS support,
                 round(pr.together::numeric / ia.baskets, 4) AS confidence_a_to_b,
                 round(pr.together::numeric / ib.baskets, 4) AS confidence_b_to_a,
                 round(pr.together::numeric * tt.baskets / (ia.baskets * ib.baskets), 2) AS lift
          FROM pairs pr CROSS JOIN total tt
          JOIN item_baskets ia ON ia.item = pr.item_a
          JOIN item_baskets ib ON ib.item = pr.item_b
          WHERE pr.together >= ?
          ORDER BY lift DESC, pr.together DESC, pr.item_a, pr.item_b
          LIMIT ?""";
      return new RetailQuery(new SqlStatement(sql, parameters, Sql.columns(Sql.text("item_a"), Sql.text("item_b"),
          Sql.integer("together"), Sql.integer("baskets_a"), Sql.integer("baskets_b"), Sql.integer("all_baskets"),
          Sql.decimal("support"), Sql.decimal("confidence_a_to_b"), Sql.decimal("confidence_b_to_a"),
          Sql.decimal("lift"))), table -> describePairs(range, byCategory, table));
    }
    Catalogue.Mention mention = anchor.get();
    String column = switch (mention.kind()) {
      case CATEGORY -> "p.category";
      case BRAND -> "p.brand";
      default -> "p.name";
    };
    // The anchor's names are bound: one placeholder each, ahead of the tenant's.
    List<Object> bound = new ArrayList<>(mention.values());
    bound.addAll(parameters);
    bound.addAll(List.of(MIN_TOGETHER, maxRows));
    String sql = baskets.formatted(item, column + " IN " + Sql.placeholders(mention.values().size())) + """
        , anchor_baskets AS (SELECT DISTINCT txn_id FROM lines WHERE anchor),
        anchor_items AS (SELECT DISTINCT item FROM lines WHERE anchor),
        together AS (
          SELECT l.item, count(DISTINCT l.txn_id) AS together
          FROM lines l JOIN anchor_baskets a ON a.txn_id = l.txn_id
          WHERE NOT l.anchor AND l.item NOT IN (SELECT item FROM anchor_items)
          GROUP BY l.item
        )
        SELECT tg.item, tg.together, (SELECT count(*) FROM anchor_baskets) AS anchor_baskets, ib.baskets AS item_baskets,
               tt.baskets AS all_baskets,
               round(tg.together::numeric / tt.baskets, 4) AS support,
               round(tg.together::numeric / (SELECT count(*) FROM anchor_baskets), 4) AS confidence,
               round(tg.together::numeric * tt.baskets / ((SELECT count(*) FROM anchor_baskets) * ib.baskets), 2) AS lift
        FROM together tg CROSS JOIN total tt
        JOIN item_baskets ib ON ib.item = tg.item
        WHERE tg.together >= ?
        ORDER BY lift DESC, tg.together DESC, tg.item
        LIMIT ?""";
    return new RetailQuery(new SqlStatement(sql, bound, Sql.columns(Sql.text("item"), Sql.integer("together"),
        Sql.integer("anchor_baskets"), Sql.integer("item_baskets"), Sql.integer("all_baskets"), Sql.decimal("support"),
        Sql.decimal("confidence"), Sql.decimal("lift"))), table -> describeAnchored(range, mention, byCategory, table));
  }

  private static String describePairs(TimeRange range, boolean byCategory, TabularResult table) {
    String what = byCategory ? "categories" : "products";
    if (table.rows().isEmpty()) {
      return "No two " + what + " were bought together in at least " + MIN_TOGETHER + " baskets (" + range.label()
          + ").";
    }
    List<String> pairs = new ArrayList<>();
    for (List<String> row : table.rows().subList(0, Math.min(5, table.rows().size()))) {
      pairs.add(row.get(0) + " + " + row.get(1) + ": together in " + row.get(2) + " of " + row.get(5)
          + " baskets (support " + row.get(6) + "), confidence " + row.get(7) + " / " + row.get(8) + ", lift "
          + row.get(9));
    }
    return "Pairs of " + what + " bought together in the same transaction (" + range.label() + "), by lift: "
        + String.join("; ", pairs) + ". " + strength(table.rows().get(0).get(9)) + readingGuide();
  }

  private static String describeAnchored(TimeRange range, Catalogue.Mention anchor, boolean byCategory,
      TabularResult table) {
    String what = byCategory ? "categories" : "products";
    if (table.rows().isEmpty()) {
      return "Nothing was bought with " + anchor.label() + " in at least " + MIN_TOGETHER + " baskets ("
          + range.label() + ").";
    }
    List<String> items = new ArrayList<>();
    for (List<String> row : table.rows().subList(0, Math.min(5, table.rows().size()))) {
      items.add(row.get(0) + " (in " + row.get(1) + " of the " + row.get(2) + " baskets with it: confidence "
          + row.get(6) + ", support " + row.get(5) + ", lift " + row.get(7) + ")");
    }
    return "What sells with " + anchor.label() + " (" + range.label() + "), " + what + " by lift: "
        + String.join("; ", items) + ". " + strength(table.rows().get(0).get(7))
        + "Cross-sell the first ones: show them next to it or bundle them." + " " + readingGuide();
  }

  private static String strength(String lift) {
    return new BigDecimal(lift).compareTo(new BigDecimal("1.2")) < 0
        ? "Even the strongest lift is close to 1, so these are bought together about as often as chance: bundle "
            + "for convenience rather than expecting extra sales. "
        : "";
  }

  private static String readingGuide() {
    return "Support = share of all baskets with both; confidence = share of the baskets with the first that also "
        + "have the second; lift = confidence ÷ the second's share of all baskets (above 1: together more often "
        + "than chance); pairs in fewer than " + MIN_TOGETHER + " baskets are left out.";
  }
}
