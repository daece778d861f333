package io.suqi.agents.retail;

import static org.assertj.core.api.Assertions.assertThat;

import io.suqi.agents.analytics.RetailDatabase;
import io.suqi.schemas.AgentResult;
import io.suqi.schemas.AgentTask;
import io.suqi.schemas.AgentType;
import io.suqi.schemas.Intent;
import io.suqi.schemas.ResultStatus;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bundling and store-location answers of the retail expert against reference queries written
 * independently over retail.*, on baskets small enough to check by hand.
 */
class BundlesAndLocationsTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);
  private static DataSource db;
  private static RetailAnswerer answerer;

  @BeforeAll
  static void givenBasketsOfTwoTenants() throws Exception {
    db = RetailDatabase.freshDatabase("retail_bundles_locations");
    try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
      s.execute("""
          INSERT INTO retail.tenants VALUES ('acme', 'Acme'), ('globex', 'Globex');
          INSERT INTO retail.stores VALUES (1, 'acme', 'Downtown', 'North', 'X', '2020-01-01'),
            (2, 'acme', 'Uptown', 'North', 'X', '2020-01-01'), (11, 'globex', 'Tower', 'South', 'Y', '2020-01-01');
          INSERT INTO retail.customers VALUES (1, 'acme', 'retail', 'North', '2021-01-01'),
            (2, 'acme', 'retail', 'South', '2021-01-01'), (3, 'acme', 'retail', 'South', '2021-01-01'),
            (11, 'globex', 'retail', 'East', '2021-01-01');
          INSERT INTO retail.products VALUES (1, 'acme', 'A-1', 'Plush Bear', 'Toys', 'Acme', 10.00, 6.00),
            (2, 'acme', 'A-2', 'Coffee Mug', 'Kitchen', 'Acme', 2.50, 1.00),
            (3, 'acme', 'A-3', 'Green Tea', 'Pantry', 'Acme', 4.00, 1.50),
            (4, 'acme', 'A-4', 'Steel Kettle', 'Kitchen', 'Acme', 20.00, 12.00),
            (11, 'globex', 'G-1', 'Hammock', 'Garden', 'Globex', 10.00, 5.00),
            (12, 'globex', 'G-2', 'Lantern', 'Garden', 'Globex', 5.00, 2.00);
          INSERT INTO retail.transactions VALUES
            ('b1', 'acme', 1, 1, '2026-11-01T10:00:00Z', 'completed', 'card'),
            ('b2', 'acme', 1, 2, '2026-11-02T10:00:00Z', 'completed', 'card'),
            ('b3', 'acme', 2, 2, '2026-11-03T10:00:00Z', 'completed', 'card'),
            ('b4', 'acme', 2, 3, '2026-11-04T10:00:00Z', 'completed', 'card'),
            ('b5', 'acme', 1, NULL, '2026-11-05T10:00:00Z', 'completed', 'cash'),
            ('b6', 'acme', 1, 1, '2026-11-06T10:00:00Z', 'refunded', 'card'),
            ('b7', 'acme', 1, 1, '2026-11-07T10:00:00Z', 'void', 'card'),
            ('g1', 'globex', 11, 11, '2026-11-01T10:00:00Z', 'completed', 'card'),
            ('g2', 'globex', 11, 11, '2026-11-02T10:00:00Z', 'completed', 'card'),
            ('g3', 'globex', 11, 11, '2026-11-03T10:00:00Z', 'completed', 'card');
          INSERT INTO retail.transaction_items VALUES
            ('b1', 1, 1, 1, 10.00, 0), ('b1', 2, 2, 1, 2.50, 0),
            ('b2', 1, 1, 1, 10.00, 0), ('b2', 2, 2, 2, 2.50, 0),
            ('b3', 1, 1, 1, 10.00, 0), ('b3', 2, 2, 1, 2.50, 0), ('b3', 3, 3, 1, 4.00, 0),
            ('b4', 1, 2, 1, 2.50, 0), ('b4', 2, 3, 1, 4.00, 0),
            ('b5', 1, 3, 1, 4.00, 0), ('b5', 2, 4, 1, 20.00, 0),
            ('b6', 1, 1, 1, 10.00, 0), ('b6', 2, 4, 1, 20.00, 0),
            ('b7', 1, 1, 1, 10.00, 0), ('b7', 2, 2, 1, 2.50, 0),
            ('g1', 1, 11, 1, 10.00, 0), ('g1', 2, 12, 1, 5.00, 0),
            ('g2', 1, 11, 1, 10.00, 0), ('g2', 2, 12, 1, 5.00, 0),
            ('g3', 1, 11, 1, 10.00, 0), ('g3', 2, 12, 1, 5.00, 0);
          """);
    }
    answerer = new RetailAnswerer(db, CLOCK, RetailConfig.defaults());
  }

  @Test
  void productsBoughtTogetherAreThePairsInAtLeastThreeCompletedBaskets() throws Exception {
    // When
    AgentResult result = ask("acme", "which products are bought together?");
    // Then by hand: Coffee Mug + Plush Bear in b1, b2, b3 (b7 void); the mug is in 4 of the 5
    // completed baskets, the bear in 3: support 3/5, confidences 3/4 and 3/3, lift 3 × 5 / (4 × 3)
    assertThat(result.getStatus()).isEqualTo(ResultStatus.OK);
    assertThat(result.getAnswer().getRows()).containsExactly(List.of("Coffee Mug", "Plush Bear", "3", "4", "3", "5",
        "0.6000", "0.7500", "1.0000", "1.25"));
    // and the same pairs as a plain self-join over retail.*, another tenant's Hammock + Lantern not among them
    assertThat(result.getAnswer().getRows()).extracting(row -> List.of(row.get(0), row.get(1), row.get(2)))
        .containsExactlyInAnyOrderElementsOf(rows("""
            SELECT pa.name, pb.name, count(DISTINCT a.txn_id)::text
            FROM retail.transaction_items a
            JOIN retail.transaction_items b ON b.txn_id = a.txn_id
            JOIN retail.products pa ON pa.product_id = a.product_id
            JOIN retail.products pb ON pb.product_id = b.product_id AND pa.name < pb.name
            JOIN retail.transactions t ON t.txn_id = a.txn_id
            WHERE t.tenant_id = 'acme' AND t.status = 'completed'
            GROUP BY pa.name, pb.name HAVING count(DISTINCT a.txn_id) >= 3"""));
  }

  @Test
  void aRegionWithCustomersAndNoStoreIsTheFirstOpportunity() throws Exception {
    // When
    AgentResult result = ask("acme", "where should we open our next store?");
    // Then South: no store, two customers who spent b2 15.00 + b3 16.50 + b4 6.50 = 38.00
    assertThat(result.getStatus()).isEqualTo(ResultStatus.OK);
    assertThat(result.getAnswer().getRows().get(0).subList(0, 5)).containsExactly("South", "0", "2", "38.00", "0.00");
    // and every region's coverage and customer spend are what an independent aggregate says
    assertThat(result.getAnswer().getRows()).extracting(row -> List.of(row.get(0), row.get(1), row.get(3)))
        .containsExactlyInAnyOrderElementsOf(rows("""
            SELECT r.region, (SELECT count(*) FROM retail.stores s WHERE s.tenant_id = 'acme' AND s.region = r.region)::text,
                   to_char(coalesce((SELECT sum(i.quantity * i.unit_price - i.discount)
                     FROM retail.transactions t JOIN retail.customers c USING (customer_id)
                     JOIN retail.transaction_items i USING (txn_id)
                     WHERE t.tenant_id = 'acme' AND t.status = 'completed' AND c.region = r.region), 0), 'FM999990.00')
            FROM (SELECT region FROM retail.stores WHERE tenant_id = 'acme'
                  UNION SELECT region FROM retail.customers WHERE tenant_id = 'acme') r"""));
    assertThat(result.getAnswer().getText()).doesNotContain("East"); // globex's customers' region
  }

  private static List<List<String>> rows(String sql) throws Exception {
    List<List<String>> rows = new ArrayList<>();
    try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          row.add(rs.getString(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private static AgentResult ask(String tenant, String question) {
    return answerer.handle(AgentTask.newBuilder().setQueryId("q").setTenantId(tenant).setPlatform("chat")
        .setQuestion(question).setIntent(Intent.RETAIL).setConfidence(0.9).setAgent(AgentType.RETAIL)
        .setStepNumber(1).setContextLimit(10).setIssuedAt(CLOCK.instant().toEpochMilli()).setEarlierSteps(List.of()).build());
  }
}
