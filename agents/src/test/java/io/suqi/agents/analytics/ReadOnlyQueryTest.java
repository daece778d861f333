package io.suqi.agents.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.suqi.agents.TenantId;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The guard rails every analytics statement runs inside, checked on a real PostgreSQL. */
class ReadOnlyQueryTest {

  private static final TenantId TENANT = new TenantId("acme");

  private static ReadOnlyQuery database(Duration timeout, int maxRows) {
    return new ReadOnlyQuery(RetailDatabase.dataSource(), new AnalyticsConfig(timeout, maxRows));
  }

  private static SqlStatement text(String sql, String column) {
    return new SqlStatement(sql, List.of(), List.of(new Column(column, ColumnType.TEXT)));
  }

  @Test
  void runsAsTheAnalyticsRoleInAReadOnlyTransaction() throws SQLException {
    // Given
    ReadOnlyQuery database = database(Duration.ofSeconds(5), 10);
    // When
    TabularResult result = database.run(TENANT, new SqlStatement(
        "SELECT current_user::text, current_setting('transaction_read_only'), current_setting('statement_timeout')",
        List.of(), List.of(new Column("role", ColumnType.TEXT), new Column("read_only", ColumnType.TEXT),
            new Column("timeout", ColumnType.TEXT))));
    // Then
    assertThat(result.rows()).containsExactly(List.of("suqi_analytics", "on", "5s"));
  }

  @Test
  void cannotWrite() {
    // Given
    ReadOnlyQuery database = database(Duration.ofSeconds(5), 10);
    // When / Then
    assertThatThrownBy(() -> database.run(TENANT, text(
        "INSERT INTO retail.tenants VALUES ('intruder', 'Intruder') RETURNING tenant_id", "tenant_id")))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("read-only transaction");
  }

  @Test
  void cannotReadOutsideRetailAndKb() {
    // Given
    ReadOnlyQuery database = database(Duration.ofSeconds(5), 10);
    // When / Then: the role has no grant on scout
    assertThatThrownBy(() -> database.run(TENANT, text("SELECT key_hash FROM scout.api_keys", "key_hash")))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("permission denied");
  }

  @Test
  void cancelsAStatementThatRunsTooLong() {
    // Given a 100 ms timeout
    ReadOnlyQuery database = database(Duration.ofMillis(100), 10);
    // When / Then
    assertThatThrownBy(() -> database.run(TENANT, text("SELECT pg_sleep(5)::text", "slept")))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("statement timeout");
  }

  @Test
  void keepsAtMostMaxRowsAndSaysItCut() throws SQLException {
    // Given
    ReadOnlyQuery database = database(Duration.ofSeconds(5), 3);
    // When
    TabularResult result = database.run(TENANT, new SqlStatement("SELECT g FROM generate_series(1, 10) g", List.of(),
        List.of(new Column("g", ColumnType.INTEGER))));
    // Then
    assertThat(result.rows()).containsExactly(List.of("1"), List.of("2"), List.of("3"));
    assertThat(result.truncated()).isTrue();
  }

  @Test
  void exactlyMaxRowsIsNotCut() throws SQLException {
    // Given
    ReadOnlyQuery database = database(Duration.ofSeconds(5), 3);
    // When
    TabularResult result = database.run(TENANT, new SqlStatement("SELECT g FROM generate_series(1, 3) g", List.of(),
        List.of(new Column("g", ColumnType.INTEGER))));
    // Then
    assertThat(result.rows()).hasSize(3);
    assertThat(result.truncated()).isFalse();
  }

  @Test
  void readsEachColumnTypeAsExactText() throws SQLException {
    // Given
    ReadOnlyQuery database = database(Duration.ofSeconds(5), 10);
    // When
    TabularResult result = database.run(TENANT, new SqlStatement(
        "SELECT 12345678901234567890.10::numeric, 9007199254740993::bigint, DATE '2026-01-05',"
            + " TIMESTAMPTZ '2026-01-05 10:15:00+02', true, NULL::text",
        List.of(), List.of(new Column("d", ColumnType.DECIMAL), new Column("i", ColumnType.INTEGER),
            new Column("day", ColumnType.DATE), new Column("ts", ColumnType.TIMESTAMP),
            new Column("b", ColumnType.BOOLEAN), new Column("t", ColumnType.TEXT))));
    // Then no digit is lost and NULL stays null
    assertThat(result.rows().get(0)).containsExactly("12345678901234567890.10", "9007199254740993", "2026-01-05",
        "2026-01-05T08:15:00Z", "true", null);
  }
}
