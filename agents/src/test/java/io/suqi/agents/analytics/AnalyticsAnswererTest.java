package io.suqi.agents.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.suqi.schemas.AgentResult;
import io.suqi.schemas.AgentTask;
import io.suqi.schemas.AgentType;
import io.suqi.schemas.Intent;
import io.suqi.schemas.ResultStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The analytics agent against a real, migrated PostgreSQL. The clock is Monday 2026-01-05, so
 * "last month" is December 2025.
 */
class AnalyticsAnswererTest {

  private static final Instant NOW = Instant.parse("2026-01-05T10:15:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static DataSource dataSource;

  @BeforeAll
  static void givenTwoTenantsWithSales() {
    dataSource = RetailDatabase.dataSource();
    RetailDatabase.execute("""
        INSERT INTO retail.tenants VALUES ('acme', 'Acme'), ('globex', 'Globex');
        INSERT INTO retail.stores VALUES
          (1, 'acme', 'North Mall', 'North', 'Springfield', '2020-01-01'),
          (2, 'acme', 'Harbour', 'South', 'Springfield', '2020-01-01'),
          (3, 'acme', 'Airport', 'East', 'Shelbyville', '2021-06-01'),
          (4, 'acme', 'New Town', 'West', 'Ogdenville', '2026-01-01'),
          (5, 'acme', 'Quiet Corner', 'West', 'Ogdenville', '2020-01-01'),
          (10, 'globex', 'Globex Central', 'North', 'Cypress Creek', '2019-01-01');
        INSERT INTO retail.products VALUES
          (1, 'acme', 'A-1', 'Kettle', 'Kitchen', 'Acme', 10.00, 6.00),
          (2, 'acme', 'A-2', 'Mug', 'Kitchen', 'Acme', 2.50, 1.00),
          (10, 'globex', 'G-1', 'Hammock', 'Garden', 'Globex', 10.00, 5.00);
        INSERT INTO retail.transactions VALUES
          ('a1', 'acme', 1, NULL, '2025-12-03T10:00:00Z', 'completed', 'card'),
          ('a2', 'acme', 1, NULL, '2025-12-31T23:59:59Z', 'completed', 'cash'),
          ('a3', 'acme', 1, NULL, '2025-12-10T12:00:00Z', 'refunded', 'card'),
          ('a4', 'acme', 2, NULL, '2025-12-15T09:00:00Z', 'completed', 'card'),
          ('a5', 'acme', 2, NULL, '2025-12-15T09:30:00Z', 'void', 'card'),
          ('a6', 'acme', 3, NULL, '2025-12-01T00:00:00Z', 'completed', 'card'),
          ('a7', 'acme', 3, NULL, '2026-01-01T00:00:00Z', 'completed', 'card'),
          ('a8', 'acme', 3, NULL, '2025-11-30T23:59:59Z', 'completed', 'card'),
          ('a9', 'acme', 2, NULL, '2025-12-20T15:00:00Z', 'completed', 'card'),
          ('g1', 'globex', 10, NULL, '2025-12-05T11:00:00Z', 'completed', 'card');
        INSERT INTO retail.transaction_items VALUES
          ('a1', 1, 1, 3, 10.00, 1.00),
          ('a1', 2, 2, 4, 2.50, 0),
          ('a2', 1, 1, 1, 10.00, 0),
          ('a3', 1, 1, 100, 10.00, 0),
          ('a4', 1, 1, 5, 10.00, 1.00),
          ('a5', 1, 1, 50, 10.00, 0),
          ('a6', 1, 2, 2, 2.50, 0),
          ('a7', 1, 1, 9, 10.00, 0),
          ('a8', 1, 1, 7, 10.00, 0),
          ('g1', 1, 10, 1000, 10.00, 0);
        """);
    // By hand, December 2025, completed only: North Mall a1 (29.00 + 10.00) + a2 (10.00) = 49.00;
    // Harbour a4 (49.00) + a9 (no lines) = 49.00; Airport a6 = 5.00; Quiet Corner nothing = 0.00;
    // New Town opened 2026-01-01, after December, so it is not listed. a7 is January, a8 November.
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
        .setIssuedAt(NOW)
        .build();
  }

  private static AgentResult ask(String tenant, String question) {
    return new AnalyticsAnswerer(dataSource, CLOCK, AnalyticsConfig.defaults()).handle(task(tenant, question));
  }

  /** Revenue per store as a plain aggregate, written independently of the agent's SQL. */
  private static List<List<String>> independentRevenueByStore(String tenant, String from, String to) throws SQLException {
    String sql = """
        SELECT t.store_id, s.name, SUM(i.quantity * i.unit_price - i.discount)
        FROM retail.transactions t
        JOIN retail.transaction_items i USING (txn_id)
        JOIN retail.stores s USING (store_id)
        WHERE t.tenant_id = ? AND t.status = 'completed' AND t.ts >= ? AND t.ts < ?
        GROUP BY t.store_id, s.name
        """;
    List<List<String>> rows = new ArrayList<>();
    try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, tenant);
      statement.setObject(2, OffsetDateTime.parse(from));
      statement.setObject(3, OffsetDateTime.parse(to));
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          rows.add(List.of(result.getString(1), result.getString(2), result.getBigDecimal(3).toPlainString()));
        }
      }
    }
    return rows;
  }

  @Test
  void revenueByStoreLastMonth() throws SQLException {
    // When
    AgentResult result = ask("acme", "What was the revenue by store last month?");
    // Then: every acme store open in December, highest first, ties by store id
    assertThat(result.getStatus()).isEqualTo(ResultStatus.OK);
    assertThat(result.getError()).isNull();
    assertThat(result.getAnswer().getColumns()).containsExactly("store_id", "store_name", "revenue");
    assertThat(result.getAnswer().getColumnTypes()).containsExactly("integer", "text", "decimal");
    assertThat(result.getAnswer().getRows()).containsExactly(
        List.of("1", "North Mall", "49.00"),
        List.of("2", "Harbour", "49.00"),
        List.of("3", "Airport", "5.00"),
        List.of("5", "Quiet Corner", "0.00"));
    // and the stores that sold anything agree with an independent aggregate
    assertThat(result.getAnswer().getRows()).filteredOn(row -> !row.get(2).equals("0.00"))
        .containsExactlyInAnyOrderElementsOf(
            independentRevenueByStore("acme", "2025-12-01T00:00:00Z", "2026-01-01T00:00:00Z"));
    assertThat(result.getAnswer().getText()).isEqualTo("Revenue by store, 2025-12-01 to 2025-12-31: "
        + "North Mall (49.00), Harbour (49.00), Airport (5.00), Quiet Corner (0.00).");
    assertThat(result.getAnswer().getCitations()).isEmpty();
  }

  @Test
  void topNStoresByRevenue() {
    // When
    AgentResult result = ask("acme", "top 2 stores by revenue last month");
    // Then
    assertThat(result.getStatus()).isEqualTo(ResultStatus.OK);
    assertThat(result.getAnswer().getRows()).containsExactly(
        List.of("1", "North Mall", "49.00"),
        List.of("2", "Harbour", "49.00"));
    assertThat(result.getAnswer().getText())
        .isEqualTo("Top 2 stores by revenue, 2025-12-01 to 2025-12-31: North Mall (49.00), Harbour (49.00).");
  }

  @Test
  void bottomNStoresIncludeAStoreThatSoldNothing() {
    // When
    AgentResult result = ask("acme", "bottom 2 stores by revenue last month");
    // Then lowest first
    assertThat(result.getAnswer().getRows()).containsExactly(
        List.of("5", "Quiet Corner", "0.00"),
        List.of("3", "Airport", "5.00"));
  }

  @Test
  void revenueByStoreAllTimeListsEveryStoreOfTheTenant() {
    // When
    AgentResult result = ask("acme", "revenue by store");
    // Then Airport has a6 + a7 + a8 = 5.00 + 90.00 + 70.00
    assertThat(result.getAnswer().getRows()).containsExactly(
        List.of("3", "Airport", "165.00"),
        List.of("1", "North Mall", "49.00"),
        List.of("2", "Harbour", "49.00"),
        List.of("4", "New Town", "0.00"),
        List.of("5", "Quiet Corner", "0.00"));
    assertThat(result.getAnswer().getText()).startsWith("Revenue by store, all time: Airport (165.00),");
  }

  @Test
  void unitsAndTransactionsByStore() {
    // When
    AgentResult units = ask("acme", "units sold by store last month");
    AgentResult transactions = ask("acme", "how many transactions per store last month");
    // Then a9 has no lines but is a completed transaction
    assertThat(units.getAnswer().getColumns()).containsExactly("store_id", "store_name", "units");
    assertThat(units.getAnswer().getColumnTypes()).containsExactly("integer", "text", "integer");
    assertThat(units.getAnswer().getRows()).containsExactly(
        List.of("1", "North Mall", "8"), List.of("2", "Harbour", "5"),
        List.of("3", "Airport", "2"), List.of("5", "Quiet Corner", "0"));
    assertThat(transactions.getAnswer().getRows()).containsExactly(
        List.of("1", "North Mall", "2"), List.of("2", "Harbour", "2"),
        List.of("3", "Airport", "1"), List.of("5", "Quiet Corner", "0"));
  }

  @Test
  void totalRevenue() {
    // When
    AgentResult result = ask("acme", "total revenue last month");
    // Then 49.00 + 49.00 + 5.00
    assertThat(result.getAnswer().getColumns()).containsExactly("revenue");
    assertThat(result.getAnswer().getRows()).containsExactly(List.of("103.00"));
    assertThat(result.getAnswer().getText()).isEqualTo("Total revenue, 2025-12-01 to 2025-12-31: 103.00.");
  }

  @Test
  void totalOfAnEmptyPeriodIsZero() {
    // When
    AgentResult result = ask("acme", "revenue yesterday");
    // Then
    assertThat(result.getStatus()).isEqualTo(ResultStatus.OK);
    assertThat(result.getAnswer().getRows()).containsExactly(List.of("0.00"));
  }

  @Test
  void anotherTenantsStoresNeverAppear() {
    // When acme asks every store question, and globex asks one
    List<AgentResult> acme = List.of(ask("acme", "revenue by store"), ask("acme", "top 10 stores by revenue last month"),
        ask("acme", "units by store"));
    AgentResult globex = ask("globex", "revenue by store last month");
    // Then acme never sees store 10, and globex sees only it
    for (AgentResult result : acme) {
      assertThat(result.getAnswer().getRows()).extracting(row -> row.get(0)).doesNotContain("10");
      assertThat(result.getAnswer().getText()).doesNotContain("Globex");
    }
    assertThat(globex.getAnswer().getRows()).containsExactly(List.of("10", "Globex Central", "10000.00"));
  }

  @Test
  void theSqlIsParameterisedAndRestrictedToTheTenant() {
    // When
    AgentResult result = ask("acme", "top 2 stores by revenue last month");
    // Then the tenant is a bound value, shown only in the parameter comment
    String sql = result.getAnswer().getSql();
    String statement = sql.substring(0, sql.indexOf("\n-- parameters:"));
    assertThat(statement).contains("t.tenant_id = ?", "s.tenant_id = ?", "t.status = 'completed'")
        .doesNotContain("acme", "2025-12");
    assertThat(sql).contains("-- parameters: 'acme', 2025-12-01T00:00:00Z, 2026-01-01T00:00:00Z, 'acme', 2026-01-01, 2");
  }

  @Test
  void aQuestionTextCannotChangeTheSql() {
    // When the question carries SQL
    AgentResult result = ask("acme", "revenue by store'; DROP TABLE retail.stores; --");
    // Then it is answered like any other question, and the SQL does not contain the text
    assertThat(result.getStatus()).isEqualTo(ResultStatus.OK);
    assertThat(result.getAnswer().getSql()).doesNotContain("DROP");
    assertThat(ask("acme", "revenue by store").getAnswer().getRows()).hasSize(5);
  }

  @Test
  void anUnmappableQuestionIsUnanswerableAndSaysWhatCanBeAsked() {
    // When
    AgentResult result = ask("acme", "Which products have the best margin?");
    // Then no guess is made
    assertThat(result.getStatus()).isEqualTo(ResultStatus.UNANSWERABLE);
    assertThat(result.getAnswer().getSql()).isNull();
    assertThat(result.getAnswer().getRows()).isEmpty();
    assertThat(result.getAnswer().getText()).startsWith("I can't answer that yet:")
        .contains("revenue, units sold or number of transactions", "top or bottom N stores");
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
    assertThat(result.getAnswer().getSql()).contains("retail.transactions");
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
