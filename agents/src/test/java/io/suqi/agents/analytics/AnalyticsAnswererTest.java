package io.suqi.agents.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.suqi.schemas.AgentResult;
import io.suqi.schemas.AgentTask;
import io.suqi.schemas.AgentType;
import io.suqi.schemas.Intent;
import io.suqi.schemas.ResultStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The analytics agent against a real, migrated PostgreSQL, each answer compared with a reference
 * query written independently over retail.* (the agent reads silver and gold, filled from the
 * same rows). The clock is Monday 2026-01-05, so "last month" is December 2025.
 */
class AnalyticsAnswererTest {

  private static final Instant NOW = Instant.parse("2026-01-05T10:15:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final String DECEMBER = " t.ts >= '2025-12-01T00:00:00Z' AND t.ts < '2026-01-01T00:00:00Z'";
  private static DataSource dataSource;

  @BeforeAll
  static void givenTwoTenantsWithSales() {
    dataSource = RetailDatabase.dataSource();
    RetailDatabase.execute("""
        INSERT INTO retail.tenants VALUES ('acme', 'Acme'), ('globex', 'Globex');
        INSERT INTO retail.stores VALUES
          (1, 'acme', 'Acme North Mall', 'North', 'Springfield', '2020-01-01'),
          (2, 'acme', 'Acme Harbour', 'South', 'Springfield', '2020-01-01'),
          (3, 'acme', 'Acme Airport', 'East', 'Shelbyville', '2021-06-01'),
          (5, 'acme', 'Acme Quiet Corner', 'West', 'Ogdenville', '2020-01-01'),
          (10, 'globex', 'Globex Central', 'North', 'Cypress Creek', '2019-01-01');
        INSERT INTO retail.products VALUES
          (1, 'acme', 'A-1', 'Steel Kettle', 'Kitchen', 'Brewmaster', 10.00, 6.00),
          (2, 'acme', 'A-2', 'Stoneware Mug', 'Kitchen', 'Potter', 2.50, 1.00),
          (3, 'acme', 'A-3', 'Green Tea', 'Pantry', 'Leafy', 4.00, 1.50),
          (10, 'globex', 'G-1', 'Hammock', 'Garden', 'Globex', 10.00, 5.00);
        INSERT INTO retail.customers VALUES
          (1, 'acme', 'premium', 'North', '2021-01-01'),
          (2, 'acme', 'regular', 'South', '2021-01-01'),
          (10, 'globex', 'premium', 'North', '2021-01-01');
        INSERT INTO retail.transactions VALUES
          ('a1', 'acme', 1, 1, '2025-12-03T10:00:00Z', 'completed', 'card'),
          ('a2', 'acme', 1, NULL, '2025-12-31T23:59:59Z', 'completed', 'cash'),
          ('a3', 'acme', 1, 2, '2025-12-10T12:00:00Z', 'refunded', 'card'),
          ('a4', 'acme', 2, 2, '2025-12-15T09:00:00Z', 'completed', 'card'),
          ('a5', 'acme', 2, NULL, '2025-12-15T09:30:00Z', 'void', 'card'),
          ('a6', 'acme', 3, 1, '2025-12-01T00:00:00Z', 'completed', 'gift_card'),
          ('a7', 'acme', 3, NULL, '2026-01-01T00:00:00Z', 'completed', 'card'),
          ('a8', 'acme', 3, NULL, '2025-11-30T23:59:59Z', 'completed', 'card'),
          ('a9', 'acme', 2, 1, '2025-12-20T15:00:00Z', 'completed', 'card'),
          ('g1', 'globex', 10, 10, '2025-12-05T11:00:00Z', 'completed', 'card');
        INSERT INTO retail.transaction_items VALUES
          ('a1', 1, 1, 3, 10.00, 1.00),
          ('a1', 2, 2, 4, 2.50, 0),
          ('a2', 1, 1, 1, 10.00, 0),
          ('a2', 2, 3, 2, 4.00, 0.50),
          ('a3', 1, 1, 100, 10.00, 0),
          ('a4', 1, 1, 5, 10.00, 1.00),
          ('a5', 1, 1, 50, 10.00, 0),
          ('a6', 1, 2, 2, 2.50, 0),
          ('a7', 1, 1, 9, 10.00, 0),
          ('a8', 1, 1, 7, 10.00, 0),
          ('g1', 1, 10, 1000, 10.00, 0);
        INSERT INTO gold.anomalies VALUES
          ('acme-1', 'acme', 1, 'revenue', '2025-12-03', '2025-12-04', 39, 100, -3.5, now()),
          ('acme-2', 'acme', 2, 'txn_count', '2025-11-03', '2025-11-04', 9, 2, 4.5, now()),
          ('globex-10', 'globex', 10, 'revenue', '2025-12-05', '2025-12-06', 10000, 2000, 8.1, now());
        """);
    MedallionFromRetail.fill(dataSource, "acme", "globex");
    // By hand, December 2025, completed only: North Mall a1 (29.00 + 10.00) + a2 (10.00 + 7.50) = 56.50;
    // Harbour a4 (49.00) + a9 (no lines) = 49.00; Airport a6 = 5.00; Quiet Corner sold nothing.
    // a7 is January, a8 November.
  }

  private static AgentTask task(String tenant, String question) {
    return AgentTask.newBuilder()
        .setQueryId("q-" + Math.abs(question.hashCode()))
        .setTenantId(tenant)
        .setPlatform("test")
        .setQuestion(question)
        .setIntent(Intent.ANALYTICS)
        .setConfidence(0.9)
        .setAgent(AgentType.ANALYTICS)
        .setStepNumber(2)
        .setIssuedAt(NOW.toEpochMilli())
        .build();
  }

  private static AgentResult ask(String tenant, String question) {
    return new AnalyticsAnswerer(dataSource, CLOCK, AnalyticsConfig.defaults()).handle(task(tenant, question));
  }

  /** The rows of a reference query over retail.*, each cell as text, numbers to two decimals. */
  private static List<List<String>> reference(String sql) throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql);
        ResultSet result = statement.executeQuery()) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<String> row = new ArrayList<>();
        for (int c = 1; c <= columns; c++) {
          row.add(normalised(result.getString(c)));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private static List<List<String>> rowsOf(AgentResult result) {
    assertThat(result.getStatus()).as(result.getAnswer().getText()).isEqualTo(ResultStatus.OK);
    return result.getAnswer().getRows().stream().map(row -> row.stream().map(AnalyticsAnswererTest::normalised).toList())
        .toList();
  }

  private static String normalised(String cell) {
    if (cell == null) {
      return null;
    }
    try {
      return new BigDecimal(cell).setScale(2, RoundingMode.HALF_UP).toPlainString();
    } catch (NumberFormatException notANumber) {
      return cell;
    }
  }

  @Test
  void revenueByStoreLastMonth() throws SQLException {
    // When
    AgentResult result = ask("acme", "What was the revenue by store last month?");
    // Then the stores that sold, highest first, as an independent aggregate says
    assertThat(result.getAnswer().getColumns()).containsExactly("store_id", "store_name", "revenue");
    assertThat(result.getAnswer().getColumnTypes()).containsExactly("integer", "text", "decimal");
    assertThat(result.getAnswer().getRows()).containsExactly(
        List.of("1", "Acme North Mall", "56.50"), List.of("2", "Acme Harbour", "49.00"), List.of("3", "Acme Airport", "5.00"));
    assertThat(rowsOf(result)).containsExactlyInAnyOrderElementsOf(reference("""
        SELECT s.store_id, s.name, SUM(i.quantity * i.unit_price - i.discount)
        FROM retail.transactions t JOIN retail.transaction_items i USING (txn_id) JOIN retail.stores s USING (store_id)
        WHERE t.tenant_id = 'acme' AND t.status = 'completed' AND """ + DECEMBER + " GROUP BY 1, 2"));
    assertThat(result.getAnswer().getText()).isEqualTo("Revenue by store, 2025-12-01 to 2025-12-31: "
        + "Acme North Mall (56.50), Acme Harbour (49.00), Acme Airport (5.00).");
    // and it was read from gold, which has the grain
    assertThat(result.getAnswer().getSql()).contains("FROM gold.sales_daily g").doesNotContain("silver");
  }

  @Test
  void topAndBottomNStores() {
    assertThat(ask("acme", "top 2 stores by revenue last month").getAnswer().getRows()).containsExactly(
        List.of("1", "Acme North Mall", "56.50"), List.of("2", "Acme Harbour", "49.00"));
    assertThat(ask("acme", "worst store by revenue last month").getAnswer().getRows()).containsExactly(
        List.of("3", "Acme Airport", "5.00"));
    assertThat(ask("acme", "top 2 stores by revenue last month").getAnswer().getText())
        .isEqualTo("Top 2 stores by revenue, 2025-12-01 to 2025-12-31: Acme North Mall (56.50), Acme Harbour (49.00).");
  }

  @Test
  void totalsAndAnEmptyPeriod() {
    AgentResult total = ask("acme", "total revenue last month");
    assertThat(total.getAnswer().getColumns()).containsExactly("revenue");
    assertThat(total.getAnswer().getRows()).containsExactly(List.of("110.50"));
    assertThat(total.getAnswer().getText()).isEqualTo("Total revenue 110.50, 2025-12-01 to 2025-12-31.");
    // a period without sales totals zero
    assertThat(ask("acme", "revenue yesterday").getAnswer().getRows()).containsExactly(List.of("0"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      How many transactions did we have last month?       | COUNT(DISTINCT t.txn_id) FROM retail.transactions t WHERE t.status = 'completed'
      units sold last month                                | SUM(i.quantity) FROM retail.transactions t JOIN retail.transaction_items i USING (txn_id) WHERE t.status = 'completed'
      average basket last month                            | ROUND(SUM(i.quantity * i.unit_price - i.discount) / COUNT(DISTINCT t.txn_id), 2) FROM retail.transactions t LEFT JOIN retail.transaction_items i USING (txn_id) WHERE t.status = 'completed'
      total discounts last month                           | SUM(i.discount) FROM retail.transactions t JOIN retail.transaction_items i USING (txn_id) WHERE t.status = 'completed'
      gross margin last month                              | SUM(i.quantity * (i.unit_price - p.unit_cost) - i.discount) FROM retail.transactions t JOIN retail.transaction_items i USING (txn_id) JOIN retail.products p USING (product_id) WHERE t.status = 'completed'
      how many unique customers shopped last month         | COUNT(DISTINCT t.customer_id) FROM retail.transactions t WHERE t.status = 'completed'
      number of refunds last month                         | COUNT(*) FROM retail.transactions t WHERE t.status = 'refunded'
      voided transactions last month                       | COUNT(*) FROM retail.transactions t WHERE t.status = 'void'
      """)
  void everyMetricAgreesWithAReferenceQuery(String question, String reference) throws SQLException {
    // When
    AgentResult result = ask("acme", question);
    // Then
    assertThat(rowsOf(result)).containsExactlyInAnyOrderElementsOf(
        reference("SELECT " + reference + " AND t.tenant_id = 'acme' AND " + DECEMBER));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      revenue by category last month          | p.category                                   | JOIN retail.products p USING (product_id)
      revenue per brand last month            | p.brand                                      | JOIN retail.products p USING (product_id)
      revenue by product last month           | p.product_id, p.name                         | JOIN retail.products p USING (product_id)
      revenue by customer segment last month  | c.segment                                    | JOIN retail.customers c USING (customer_id)
      revenue by payment method last month    | t.payment_method                             | JOIN retail.stores s USING (store_id)
      revenue by hour of day last month       | extract(hour FROM t.ts AT TIME ZONE 'UTC')   | JOIN retail.stores s USING (store_id)
      revenue by region last month            | s.region                                     | JOIN retail.stores s USING (store_id)
      revenue by city last month              | s.city                                       | JOIN retail.stores s USING (store_id)
      daily revenue last month                | (t.ts AT TIME ZONE 'UTC')::date              | JOIN retail.stores s USING (store_id)
      weekly revenue last month               | date_trunc('week', t.ts AT TIME ZONE 'UTC')::date  | JOIN retail.stores s USING (store_id)
      revenue by month                        | date_trunc('month', t.ts AT TIME ZONE 'UTC')::date | JOIN retail.stores s USING (store_id)
      """)
  void everyDimensionAgreesWithAReferenceQuery(String question, String dimension, String join) throws SQLException {
    // When
    AgentResult result = ask("acme", question);
    // Then
    String period = question.endsWith("last month") ? " AND " + DECEMBER : "";
    assertThat(rowsOf(result)).isNotEmpty().containsExactlyInAnyOrderElementsOf(reference(
        "SELECT " + dimension + ", SUM(i.quantity * i.unit_price - i.discount) FROM retail.transactions t"
            + " JOIN retail.transaction_items i USING (txn_id) " + join
            + " WHERE t.tenant_id = 'acme' AND t.status = 'completed'" + period + " GROUP BY " + dimension));
  }

  @Test
  void catalogueNamesFilterWhateverTheirCaseOrATypo() throws SQLException {
    // When
    AgentResult kitchen = ask("acme", "units of kitchn products at the North Mall store last month");
    // Then
    assertThat(rowsOf(kitchen)).containsExactlyInAnyOrderElementsOf(reference("""
        SELECT SUM(i.quantity) FROM retail.transactions t JOIN retail.transaction_items i USING (txn_id)
        JOIN retail.products p USING (product_id)
        WHERE t.tenant_id = 'acme' AND t.status = 'completed' AND p.category = 'Kitchen' AND t.store_id = 1 AND """
        + DECEMBER));
    assertThat(kitchen.getAnswer().getText()).isEqualTo("Total units sold 8 for Kitchen, Acme North Mall, 2025-12-01 to 2025-12-31.");
    // and a store by its id
    assertThat(ask("acme", "revenue for store 2 last month").getAnswer().getRows()).containsExactly(List.of("49.00"));
  }

  @Test
  void shareOfTotal() throws SQLException {
    AgentResult result = ask("acme", "share of revenue by region last month");
    assertThat(result.getAnswer().getColumns()).containsExactly("region", "revenue", "share_pct");
    assertThat(rowsOf(result)).containsExactlyInAnyOrderElementsOf(reference("""
        SELECT s.region, SUM(i.quantity * i.unit_price - i.discount),
               ROUND(100.0 * SUM(i.quantity * i.unit_price - i.discount) / SUM(SUM(i.quantity * i.unit_price - i.discount)) OVER (), 2)
        FROM retail.transactions t JOIN retail.transaction_items i USING (txn_id) JOIN retail.stores s USING (store_id)
        WHERE t.tenant_id = 'acme' AND t.status = 'completed' AND """ + DECEMBER + " GROUP BY s.region"));
  }

  @Test
  void comparisonOfTwoPeriods() {
    // When November against December (a8 = 70.00 at Airport in November)
    AgentResult result = ask("acme", "compare revenue by store in November and December 2025");
    // Then one row per store present in either period, later minus earlier
    assertThat(result.getAnswer().getColumns())
        .containsExactly("store_id", "store_name", "revenue_earlier", "revenue_later", "change", "change_pct");
    assertThat(rowsOf(result)).containsExactlyInAnyOrder(
        Arrays.asList("1.00", "Acme North Mall", "0.00", "56.50", "56.50", null),
        Arrays.asList("2.00", "Acme Harbour", "0.00", "49.00", "49.00", null),
        List.of("3.00", "Acme Airport", "70.00", "5.00", "-65.00", "-92.86"));
  }

  @Test
  void aComparisonSaysWhichPeriodHasNotEnded() {
    // Given the clock on 2026-01-05: December has ended, January has not
    // When both are compared
    AgentResult running = ask("acme", "compare revenue in December 2025 and January 2026");
    // Then the answer says January's figures stop at today, so a fall is not read as a whole month's
    assertThat(running.getAnswer().getText())
        .endsWith(" 2026-01-01 to 2026-01-31 has not ended: figures up to 2026-01-05 only.");
    // And two periods that have both ended get no such note
    assertThat(ask("acme", "compare revenue by store in November and December 2025").getAnswer().getText())
        .doesNotContain("not ended");
  }

  @Test
  void aTrendIsByDayWithinAMonth() {
    AgentResult result = ask("acme", "revenue trend last month");
    assertThat(result.getAnswer().getColumns()).containsExactly("day", "revenue");
    assertThat(result.getAnswer().getRows()).extracting(row -> row.get(0))
        .containsExactly("2025-12-01", "2025-12-03", "2025-12-15", "2025-12-31"); // a9 on the 20th had no lines
  }

  @Test
  void anomaliesAreTheTenantsOwnInThePeriod() {
    AgentResult result = ask("acme", "were there any anomalies last month?");
    assertThat(result.getAnswer().getRows()).extracting(row -> row.get(0) + " " + row.get(2))
        .containsExactly("1 revenue");
    assertThat(result.getAnswer().getText()).startsWith("1 anomaly, 2025-12-01 to 2025-12-31: Acme North Mall revenue 39.00");
  }

  @Test
  void anotherTenantsRowsNeverAppear() {
    for (String question : List.of("revenue by store", "revenue by product", "top 10 stores by revenue last month",
        "revenue by customer segment", "anomalies")) {
      AgentResult result = ask("acme", question);
      assertThat(result.getAnswer().getRows()).as(question).isNotEmpty()
          .noneSatisfy(row -> assertThat(row).contains("10"));
      assertThat(result.getAnswer().getText()).doesNotContain("Globex", "Hammock");
    }
    assertThat(ask("globex", "revenue by store last month").getAnswer().getRows())
        .containsExactly(List.of("10", "Globex Central", "10000.00"));
  }

  @Test
  void theSqlIsParameterisedAndRestrictedToTheTenant() {
    // When
    AgentResult result = ask("acme", "units of Kitchen products at the North Mall store last month");
    // Then the tenant and the names are bound values, shown only in the parameter comment
    String sql = result.getAnswer().getSql();
    String statement = sql.substring(0, sql.indexOf("\n-- parameters:"));
    assertThat(statement).contains("t.tenant_id = ?", "p.category IN (?)", "s.name IN (?)")
        .doesNotContain("acme", "Kitchen", "North Mall", "2025-12");
    assertThat(sql).contains("-- parameters: 'acme', 'completed', 2025-12-01T00:00:00Z, 2026-01-01T00:00:00Z");
  }

  @Test
  void aQuestionCarryingSqlIsRefusedAndChangesNothing() {
    // When the question carries SQL
    AgentResult result = ask("acme", "revenue by store'; DROP TABLE retail.stores; --");
    // Then nothing runs, and the stores are all there
    assertThat(result.getStatus()).isEqualTo(ResultStatus.UNANSWERABLE);
    assertThat(result.getAnswer().getSql()).isNull();
    assertThat(ask("acme", "revenue by store").getAnswer().getRows()).hasSize(3);
  }

  @Test
  void anUnmappableQuestionIsUnanswerableAndSaysWhatCanBeAsked() {
    // When
    AgentResult result = ask("acme", "Which employees sold the most?");
    // Then no guess is made
    assertThat(result.getStatus()).isEqualTo(ResultStatus.UNANSWERABLE);
    assertThat(result.getAnswer().getSql()).isNull();
    assertThat(result.getAnswer().getRows()).isEmpty();
    assertThat(result.getAnswer().getText()).startsWith("I can't answer that yet:")
        .contains("revenue, transactions, units sold", "top or bottom N");
  }

  @Test
  void theEnvelopeCarriesTheTask() {
    // When
    AgentTask task = task("acme", "revenue by store");
    AgentResult result = new AnalyticsAnswerer(dataSource, CLOCK, AnalyticsConfig.defaults()).handle(task);
    // Then
    assertThat(result.getQueryId()).isEqualTo(task.getQueryId());
    assertThat(result.getTenantId()).isEqualTo("acme");
    assertThat(result.getAgent()).isEqualTo(AgentType.ANALYTICS);
    assertThat(result.getStepNumber()).isEqualTo(2);
    assertThat(result.getCompletedAt()).isEqualTo(NOW);
    assertThat(result.getDurationMs()).isNotNegative();
  }

  @Test
  void anSqlErrorIsAFailedResultNotAnException() {
    // Given a database that cannot be reached
    PGSimpleDataSource unreachable = new PGSimpleDataSource();
    unreachable.setURL("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2");
    AnalyticsAnswerer answerer = new AnalyticsAnswerer(unreachable, CLOCK, AnalyticsConfig.defaults());
    // When
    AgentResult result = answerer.handle(task("acme", "revenue by store"));
    // Then
    assertThat(result.getStatus()).isEqualTo(ResultStatus.FAILED);
    assertThat(result.getError()).isNotBlank();
    assertThat(result.getAnswer().getText()).startsWith("The analytics query failed: ");
  }

  @Test
  void rowsBeyondMaxRowsAreCutAndTheTextSaysSo() {
    // Given room for two rows
    AnalyticsAnswerer answerer = new AnalyticsAnswerer(dataSource, CLOCK,
        new AnalyticsConfig(AnalyticsConfig.DEFAULT_STATEMENT_TIMEOUT, 2));
    // When
    AgentResult result = answerer.handle(task("acme", "revenue by store"));
    // Then
    assertThat(result.getAnswer().getRows()).hasSize(2);
    assertThat(result.getAnswer().getText()).endsWith("; only the first 2 rows are included.");
  }
}
