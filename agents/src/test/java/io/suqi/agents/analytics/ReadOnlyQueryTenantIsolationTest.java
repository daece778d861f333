package io.suqi.agents.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.suqi.agents.TenantId;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Row-level security on its own: statements WITHOUT any tenant filter, run through
 * {@link ReadOnlyQuery}, see only the asking tenant's rows.
 */
class ReadOnlyQueryTenantIsolationTest {

  private static final TenantId ACME = new TenantId("acme");
  private static final TenantId GLOBEX = new TenantId("globex");
  private static ReadOnlyQuery database;

  @BeforeAll
  static void givenTwoTenants() {
    database = new ReadOnlyQuery(TwoTenantRetail.dataSource(), new AnalyticsConfig(Duration.ofSeconds(10), 1000));
  }

  static Stream<String> protectedRelations() {
    return TwoTenantRetail.PROTECTED.keySet().stream().sorted();
  }

  private static SqlStatement unfiltered(String sql) {
    return new SqlStatement(sql, List.of(), List.of(new Column("value", ColumnType.TEXT)));
  }

  private static List<String> column(TabularResult result) {
    return result.rows().stream().map(row -> row.get(0)).toList();
  }

  @ParameterizedTest
  @MethodSource("protectedRelations")
  void anUnfilteredCountSeesOnlyTheAskingTenantsRows(String relation) throws SQLException {
    // Given rows of both tenants in the relation
    long acmeRows = TwoTenantRetail.rowsOf(relation, "acme");
    long globexRows = TwoTenantRetail.rowsOf(relation, "globex");
    assertThat(acmeRows).as("acme rows in " + relation).isPositive();
    assertThat(globexRows).as("globex rows in " + relation).isPositive();
    // When each tenant counts every row, with no WHERE clause at all
    SqlStatement countAll = unfiltered("SELECT count(*)::text FROM " + relation);
    // Then each sees exactly its own
    assertThat(column(database.run(ACME, countAll))).containsExactly(Long.toString(acmeRows));
    assertThat(column(database.run(GLOBEX, countAll))).containsExactly(Long.toString(globexRows));
  }

  @ParameterizedTest
  @MethodSource("protectedRelations")
  void everyRowSeenBelongsToTheAskingTenant(String relation) throws SQLException {
    // When acme reads which tenant each visible row belongs to
    TabularResult owners = database.run(ACME, unfiltered(
        "SELECT DISTINCT (" + TwoTenantRetail.PROTECTED.get(relation) + ") FROM " + relation + " r"));
    // Then there is one: acme
    assertThat(column(owners)).containsExactly("acme");
  }

  @Test
  void storesOfTheSameNameAreTheAskingTenantsOnly() throws SQLException {
    // Given both tenants have a Downtown and an Airport store
    SqlStatement byName = unfiltered(
        "SELECT store_id::text FROM retail.stores WHERE name IN ('Downtown', 'Airport') ORDER BY store_id");
    // When / Then
    assertThat(column(database.run(ACME, byName))).containsExactly("1", "2");
    assertThat(column(database.run(GLOBEX, byName))).containsExactly("11", "12");
  }

  @Test
  void aJoinWithoutTenantFilterAddsUpOnlyTheTenantsRevenue() throws SQLException {
    // Given the revenue of acme's lines, computed as the superuser with an explicit filter
    String expected = TwoTenantRetail.rows("""
        SELECT SUM(i.quantity * i.unit_price - i.discount) FROM retail.transaction_items i
        JOIN retail.transactions t USING (txn_id) WHERE t.tenant_id = 'acme'""").get(0).get(0);
    // When acme sums every line it can see
    TabularResult revenue = database.run(ACME, unfiltered("""
        SELECT SUM(i.quantity * i.unit_price - i.discount)::text
        FROM retail.transaction_items i JOIN retail.stores s ON s.store_id IN (1, 2, 3, 11, 12, 13)
        JOIN retail.transactions t ON t.txn_id = i.txn_id AND t.store_id = s.store_id"""));
    // Then
    assertThat(column(revenue)).containsExactly(expected);
  }

  @Test
  void aTenantWithNoDataSeesNothing() throws SQLException {
    for (String relation : TwoTenantRetail.PROTECTED.keySet()) {
      assertThat(column(database.run(new TenantId("initech"), unfiltered("SELECT count(*)::text FROM " + relation))))
          .as(relation).containsExactly("0");
    }
  }

  @Test
  void aBlankTenantIsRefusedBeforeAnythingRuns() {
    assertThatThrownBy(() -> new TenantId("  "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a tenant id is required");
    assertThatThrownBy(() -> new TenantId(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> database.run(null, unfiltered("SELECT 'x'")))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("tenant");
  }

  @Test
  void withoutATenantSetTheAgentRoleSeesNoRows() throws SQLException {
    try (Connection connection = TwoTenantRetail.dataSource().getConnection(); Statement statement = connection.createStatement()) {
      connection.setAutoCommit(false);
      // Given a previous transaction on this connection named a tenant (afterwards the setting reads '')
      statement.execute("SELECT set_config('suqi.tenant_id', 'acme', true)");
      connection.rollback();
      for (String noTenant : List.of("", "SELECT set_config('suqi.tenant_id', '', true)")) {
        statement.execute("SET TRANSACTION READ ONLY");
        statement.execute("SET LOCAL ROLE suqi_analytics");
        if (!noTenant.isEmpty()) {
          statement.execute(noTenant);
        }
        // When / Then: fail closed, every protected relation is empty
        for (String relation : TwoTenantRetail.PROTECTED.keySet()) {
          try (ResultSet result = statement.executeQuery("SELECT count(*) FROM " + relation)) {
            result.next();
            assertThat(result.getLong(1)).as(relation + " with " + (noTenant.isEmpty() ? "no" : "an empty") + " tenant")
                .isZero();
          }
        }
        connection.rollback();
      }
    }
  }

  @Test
  void theTenantDoesNotOutliveItsTransaction() throws SQLException {
    // Given a query for acme has just run on a connection
    DataSource oneConnection = TwoTenantRetail.dataSource();
    try (Connection connection = oneConnection.getConnection(); Statement statement = connection.createStatement()) {
      connection.setAutoCommit(false);
      statement.execute("SELECT set_config('suqi.tenant_id', 'acme', true)");
      connection.rollback();
      // When the next transaction asks
      try (ResultSet result = statement.executeQuery("SELECT current_setting('suqi.tenant_id', true)")) {
        result.next();
        // Then the tenant is gone
        assertThat(result.getString(1)).isEmpty();
      }
    }
  }

  @Test
  void aSmuggledSecondStatementReturnsNothing() {
    // The JDBC driver runs both, but a query must yield exactly one result: no rows come back
    assertThatThrownBy(() -> database.run(ACME, unfiltered(
        "SELECT 'x'; SELECT set_config('suqi.tenant_id', 'globex', true)")))
        .isInstanceOf(SQLException.class).hasMessageContaining("Multiple ResultSets");
    assertThatThrownBy(() -> database.run(ACME, unfiltered("RESET ROLE; SELECT name FROM retail.stores")))
        .isInstanceOf(SQLException.class).hasMessageContaining("No results");
  }

  @Test
  void leavingTheRoleInsideTheStatementDoesNotWidenWhatItReads() throws SQLException {
    // Given the connection is the superuser's (as the runtime's is), so switching back is allowed
    // When a statement switches to postgres between two reads of the same table
    TabularResult result = database.run(ACME, unfiltered("SELECT (SELECT count(*) FROM kb.documents)::text"
        + " || ' ' || set_config('role', 'postgres', true) || ' ' || (SELECT count(*) FROM kb.documents)::text"));
    // Then the policies planned for suqi_analytics still hold for the whole statement
    assertThat(column(result)).containsExactly("1 postgres 1");
  }

  @Test
  void aLeastPrivilegedLoginCannotLeaveTheAgentRole() throws SQLException {
    // Given agents log in as a role that may only become suqi_analytics and holds no grant itself
    RetailDatabase.execute("""
        DO $$ BEGIN
          IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'suqi_agent_login') THEN
            CREATE ROLE suqi_agent_login LOGIN NOINHERIT IN ROLE suqi_analytics;
          END IF;
        END $$""");
    DataSource login = RetailDatabase.loggedInAs("suqi_agent_login", TwoTenantRetail.DATABASE);
    ReadOnlyQuery asLogin = new ReadOnlyQuery(login, AnalyticsConfig.defaults());
    assertThat(column(asLogin.run(ACME, unfiltered("SELECT current_user || ' ' || count(*) FROM retail.stores"))))
        .containsExactly("suqi_analytics 3");
    // When / Then: SET ROLE postgres is refused, inside ReadOnlyQuery and in a plain transaction
    assertThatThrownBy(() -> asLogin.run(ACME, unfiltered("SELECT set_config('role', 'postgres', true)")))
        .isInstanceOf(SQLException.class).hasMessageContaining("permission denied to set role");
    try (Connection connection = login.getConnection(); Statement statement = connection.createStatement()) {
      connection.setAutoCommit(false);
      statement.execute("SET TRANSACTION READ ONLY");
      statement.execute("SET LOCAL ROLE suqi_analytics");
      statement.execute("SELECT set_config('suqi.tenant_id', 'acme', true)");
      assertThatThrownBy(() -> statement.execute("SET ROLE postgres"))
          .isInstanceOf(SQLException.class).hasMessageContaining("permission denied to set role");
      connection.rollback();
      // and RESET ROLE lands on the login role, which can read nothing
      statement.execute("SET TRANSACTION READ ONLY");
      statement.execute("SET LOCAL ROLE suqi_analytics");
      statement.execute("RESET ROLE");
      assertThatThrownBy(() -> statement.executeQuery("SELECT count(*) FROM retail.stores"))
          .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
      connection.rollback();
    }
  }

  @Test
  void theTenantPolicyIsAnIndexCondition() throws SQLException {
    try (Connection connection = TwoTenantRetail.dataSource().getConnection(); Statement statement = connection.createStatement()) {
      connection.setAutoCommit(false);
      statement.execute("SET LOCAL ROLE suqi_analytics");
      statement.execute("SELECT set_config('suqi.tenant_id', 'acme', true)");
      statement.execute("SET LOCAL enable_seqscan = off"); // a tiny table would be scanned whatever the plan could do
      StringBuilder plan = new StringBuilder();
      try (ResultSet result = statement.executeQuery("EXPLAIN SELECT count(*) FROM retail.transactions")) {
        while (result.next()) {
          plan.append(result.getString(1)).append('\n');
        }
      }
      connection.rollback();
      assertThat(plan.toString()).contains("Index Cond: (tenant_id = NULLIF(current_setting('suqi.tenant_id'");
    }
  }
}
