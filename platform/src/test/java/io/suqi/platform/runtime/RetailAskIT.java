package io.suqi.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.suqi.platform.tenant.ApiKeys;
import io.suqi.schemas.KeyRole;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The retail expert agent over HTTP on the embedded runtime: a competitor price comparison answers
 * with exactly the rows a reference query over retail.* gives (each competitor's latest price, not
 * an older one), for the asking tenant only; SQL smuggled into the question changes nothing.
 */
class RetailAskIT {

  @TempDir
  Path dataDir;

  @Test
  void competitorPricesAreTheLatestObservedAndOnlyTheAskingTenants() throws Exception {
    try (RunningSuqi suqi = RunningSuqi.start(dataDir)) {
      // Given the retail fixture (acme sells products 1-4 at 3.49, 6.49, 9.49, 12.49; rival 5 and 6)
      // and competitor prices, older observations among them that the latest ones replace
      RetailFixture.load(suqi.db, LocalDate.now(ZoneOffset.UTC));
      PosSales.execute(suqi.db, """
          INSERT INTO retail.competitor_prices VALUES
            (1, 'MegaMart', 2.00, now() - interval '30 days'), (1, 'MegaMart', 3.99, now() - interval '1 day'),
            (2, 'MegaMart', 5.99, now() - interval '2 days'),  (2, 'ValueCo', 7.00, now() - interval '3 days'),
            (3, 'MegaMart', 9.49, now() - interval '1 day'),   (4, 'MegaMart', 11.00, now() - interval '1 day'),
            (4, 'ValueCo', 20.00, now() - interval '40 days'), (4, 'ValueCo', 12.00, now() - interval '5 days'),
            (5, 'MegaMart', 10.00, now() - interval '1 day'),  (6, 'ValueCo', 30.00, now() - interval '1 day')""");
      ApiKeys keys = new ApiKeys(suqi.db);
      String acme = keys.create(RetailFixture.TENANT, "ana", KeyRole.USER);
      String rival = keys.create(RetailFixture.OTHER_TENANT, "rob", KeyRole.USER);

      // When acme asks where it is more expensive than its competitors
      JsonNode answer = suqi.ask(acme, "Where are we more expensive than competitors?");

      // Then the retail agent answers with the reference rows, most overpriced first
      assertThat(answer.path("agent").asText()).as(answer.toString()).isEqualTo("retail");
      assertThat(answer.path("status").asText()).isEqualTo("answered");
      List<String> columns = new ArrayList<>();
      answer.path("answer").path("columns").forEach(column -> columns.add(column.path("name").asText(column.asText())));
      int product = columns.indexOf("product_id");
      int competitor = columns.indexOf("competitor");
      int ours = columns.indexOf("our_price");
      int theirs = columns.indexOf("competitor_price");
      int position = columns.indexOf("position");
      assertThat(List.of(product, competitor, ours, theirs, position)).as(columns.toString()).doesNotContain(-1);
      List<List<String>> answered = new ArrayList<>();
      answer.path("answer").path("rows").forEach(row -> answered.add(List.of(row.get(product).asText(),
          row.get(competitor).asText(), amount(row.get(ours).asText()), amount(row.get(theirs).asText()),
          row.get(position).asText())));
      assertThat(answered).isEqualTo(suqi.rows("""
          SELECT p.product_id, c.competitor, p.unit_price, c.price,
                 CASE WHEN p.unit_price > c.price THEN 'above' WHEN p.unit_price < c.price THEN 'below' ELSE 'level' END
          FROM retail.products p JOIN retail.competitor_prices c ON c.product_id = p.product_id
          WHERE p.tenant_id = 'acme'
            AND c.observed_at = (SELECT max(c2.observed_at) FROM retail.competitor_prices c2
                                 WHERE c2.product_id = c.product_id AND c2.competitor = c.competitor)
          ORDER BY (p.unit_price - c.price) / c.price DESC, p.product_id, c.competitor""").stream()
          .map(row -> List.of(row.get(0), row.get(1), amount(row.get(2)), amount(row.get(3)), row.get(4))).toList());
      assertThat(answered).extracting(row -> row.get(0)).doesNotContain("5", "6");
      assertThat(answer.path("answer").path("text").asText()).contains("above on 3 of 6");

      // And the other tenant sees its own two products only
      JsonNode theirAnswer = suqi.ask(rival, "Where are we more expensive than competitors?");
      List<String> theirProducts = new ArrayList<>();
      theirAnswer.path("answer").path("rows").forEach(row -> theirProducts.add(row.get(product).asText()));
      assertThat(theirProducts).as(theirAnswer.toString()).containsExactlyInAnyOrder("5", "6");

      // And SQL smuggled into a question deletes nothing and shows no other tenant's rows
      JsonNode smuggled = suqi.ask(acme,
          "compare our prices with competitors'; DELETE FROM retail.competitor_prices; --");
      List<String> smuggledProducts = new ArrayList<>();
      smuggled.path("answer").path("rows").forEach(row -> smuggledProducts.add(row.path(product).asText()));
      assertThat(smuggledProducts).doesNotContain("5", "6");
      assertThat(suqi.rows("SELECT count(*) FROM retail.competitor_prices")).containsExactly(List.of("10"));
    }
  }

  /** A money amount as a number, whatever its scale: 11.00 in Postgres is 11.0 in the JSON answer. */
  private static String amount(String value) {
    return new BigDecimal(value).stripTrailingZeros().toPlainString();
  }
}
