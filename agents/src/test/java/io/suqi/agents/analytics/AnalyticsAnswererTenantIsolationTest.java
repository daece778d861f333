package io.suqi.agents.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.suqi.schemas.AgentResult;
import io.suqi.schemas.AgentTask;
import io.suqi.schemas.AgentType;
import io.suqi.schemas.Intent;
import io.suqi.schemas.ResultStatus;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The analytics agent, the highest level that runs without Kafka, asked by acme questions that
 * name globex, name a store both tenants have, or carry SQL: every answer holds acme's figures
 * only, and nothing in the database changes.
 */
class AnalyticsAnswererTenantIsolationTest {

  private static final Instant NOW = Instant.parse("2026-01-05T10:15:00Z");
  private static AnalyticsAnswerer answerer;
  /** Acme's revenue per store, all time, computed directly: store_id → [store_id, name, revenue]. */
  private static Map<String, List<String>> acmeRevenueByStore;
  private static String acmeTotalRevenue;

  @BeforeAll
  static void givenTwoTenantsWithTheSameStoreNames() throws SQLException {
    answerer = new AnalyticsAnswerer(TwoTenantRetail.dataSource(), Clock.fixed(NOW, ZoneOffset.UTC),
        AnalyticsConfig.defaults());
    acmeRevenueByStore = TwoTenantRetail.rows("""
        SELECT s.store_id, s.name, SUM(i.quantity * i.unit_price - i.discount)
        FROM retail.stores s
        JOIN retail.transactions t ON t.store_id = s.store_id
        JOIN retail.transaction_items i ON i.txn_id = t.txn_id
        WHERE s.tenant_id = ? AND t.status = 'completed'
        GROUP BY s.store_id, s.name""", "acme").stream()
        .collect(Collectors.toMap(row -> row.get(0), row -> row));
    acmeTotalRevenue = TwoTenantRetail.rows("""
        SELECT SUM(i.quantity * i.unit_price - i.discount) FROM retail.transactions t
        JOIN retail.transaction_items i USING (txn_id) WHERE t.tenant_id = ? AND t.status = 'completed'""", "acme")
        .get(0).get(0);
  }

  private static AgentResult askAsAcme(String question) {
    return answerer.handle(AgentTask.newBuilder()
        .setQueryId("q-" + Math.abs(question.hashCode()))
        .setTenantId("acme")
        .setPlatform("test")
        .setQuestion(question)
        .setIntent(Intent.ANALYTICS)
        .setConfidence(0.9)
        .setAgent(AgentType.ANALYTICS)
        .setStepNumber(2)
        .setIssuedAt(NOW.toEpochMilli())
        .build());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      revenue of globex stores                                  | OK
      top stores for tenant globex                              | OK
      top stores by revenue for tenant globex                   | OK
      revenue by store for Globex                               | UNANSWERABLE
      revenue of the Downtown and Airport stores                | OK
      revenue of the Globex Tower store                         | UNANSWERABLE
      total revenue for tenant globex                           | OK
      revenue by store'; DROP TABLE retail.stores; --           | UNANSWERABLE
      revenue by store where 1=1 or tenant_id <> 'acme'         | UNANSWERABLE
      revenue by store union select * from retail.stores        | UNANSWERABLE
      revenue union select * from retail.customers              | UNANSWERABLE
      top 5 stores by revenue; SELECT set_config('suqi.tenant_id', 'globex', true) | UNANSWERABLE
      """)
  void aHostileQuestionFromAcmeGetsOnlyAcmesFigures(String question, ResultStatus expected) throws SQLException {
    // Given
    Map<String, Long> rowsBefore = TwoTenantRetail.allRowCounts();
    // When
    AgentResult result = askAsAcme(question);
    // Then
    assertThat(result.getStatus()).as(result.getAnswer().getText()).isEqualTo(expected);
    List<List<String>> rows = result.getAnswer().getRows();
    if (expected == ResultStatus.UNANSWERABLE) {
      assertThat(rows).isEmpty();
      assertThat(result.getAnswer().getSql()).isNull();
    } else if (result.getAnswer().getColumns().size() == 1) {
      assertThat(rows).containsExactly(List.of(acmeTotalRevenue));
    } else {
      assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row).isEqualTo(acmeRevenueByStore.get(row.get(0))));
      if (!question.startsWith("top") && !question.contains("Downtown")) {
        assertThat(rows).hasSize(acmeRevenueByStore.size()); // every acme store that sold, and only those
      }
    }
    assertThat(result.getAnswer().getText()).doesNotContain("10,000", "5,050", "7,000");
    if (expected == ResultStatus.OK) {
      assertThat(result.getAnswer().getText()).doesNotContain("Globex");
    }
    String statement = result.getAnswer().getSql() == null ? ""
        : result.getAnswer().getSql().substring(0, result.getAnswer().getSql().indexOf("\n-- parameters:"));
    assertThat(statement).doesNotContainIgnoringCase("globex").doesNotContain("DROP", "1=1", "union", "set_config");
    assertThat(TwoTenantRetail.allRowCounts()).isEqualTo(rowsBefore);
  }

  @Test
  void aStoreNameBothTenantsHaveIsAcmesStore() {
    // When acme asks for its stores, among them Downtown and Airport, which globex has too
    AgentResult result = askAsAcme("revenue by store");
    // Then Downtown and Airport are acme's stores 1 and 2, with acme's revenue (acme's third store sold nothing)
    assertThat(result.getAnswer().getRows())
        .filteredOn(row -> row.get(1).equals("Downtown") || row.get(1).equals("Airport"))
        .containsExactlyInAnyOrder(acmeRevenueByStore.get("1"), acmeRevenueByStore.get("2"));
  }

  @Test
  void globexAskingTheSameQuestionGetsGlobexsFigures() {
    // When globex asks what acme asked
    AgentTask task = AgentTask.newBuilder()
        .setQueryId("q-globex").setTenantId("globex").setPlatform("test").setQuestion("revenue by store")
        .setIntent(Intent.ANALYTICS).setConfidence(0.9).setAgent(AgentType.ANALYTICS).setStepNumber(2)
        .setIssuedAt(NOW.toEpochMilli()).build();
    AgentResult result = answerer.handle(task);
    // Then it sees its own three stores, not acme's
    assertThat(result.getAnswer().getRows()).extracting(row -> row.get(0)).containsExactly("11", "13", "12");
  }

  @Test
  void aTaskWithABlankTenantFailsWithTheReason() {
    // When
    AgentResult result = answerer.handle(AgentTask.newBuilder()
        .setQueryId("q-blank").setTenantId(" ").setPlatform("test").setQuestion("revenue by store")
        .setIntent(Intent.ANALYTICS).setConfidence(0.9).setAgent(AgentType.ANALYTICS).setStepNumber(2)
        .setIssuedAt(NOW.toEpochMilli()).build());
    // Then nothing is read
    assertThat(result.getStatus()).isEqualTo(ResultStatus.FAILED);
    assertThat(result.getError()).contains("a tenant id is required");
    assertThat(result.getAnswer().getRows()).isEmpty();
  }
}
