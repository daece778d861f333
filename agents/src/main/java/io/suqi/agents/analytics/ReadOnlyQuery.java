package io.suqi.agents.analytics;

import io.suqi.agents.TenantId;
import io.suqi.agents.TenantReadTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Runs one statement for one tenant in a read-only transaction as the least-privileged role
 * ({@value #ROLE} unless told another), with a statement timeout and a row cap, and rolls back: whatever the SQL were,
 * it could neither write, nor read outside what the role is granted, nor see another tenant's
 * rows (row-level security, V9, keyed by {@value TenantReadTransaction#TENANT_SETTING}), nor run for long.
 */
public final class ReadOnlyQuery {

  /** Created by the migrations (V3); the connecting user must be a member (superusers are). */
  static final String ROLE = "suqi_analytics";

  private final AnalyticsConfig config;
  private final TenantReadTransaction transaction;

  public ReadOnlyQuery(DataSource dataSource, AnalyticsConfig config) {
    this(dataSource, config, ROLE);
  }

  /**
   * @param role the agent role the transaction switches to (a member of suqi_agent, so row-level
   *     security applies to it); from the code, never from a question
   */
  public ReadOnlyQuery(DataSource dataSource, AnalyticsConfig config, String role) {
    this.config = Objects.requireNonNull(config, "config");
    this.transaction = new TenantReadTransaction(dataSource, role, config.statementTimeout());
  }

  /** Runs {@code work} in the same kind of transaction: read-only, as the role, for the tenant. */
  public <T> T read(TenantId tenant, TenantReadTransaction.Read<T> work) throws SQLException {
    return transaction.read(tenant, work);
  }

  public TabularResult run(TenantId tenant, SqlStatement statement) throws SQLException {
    Objects.requireNonNull(statement, "statement");
    return transaction.read(tenant, connection -> read(connection, statement));
  }

  private TabularResult read(Connection connection, SqlStatement statement) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(statement.sql())) {
      List<Object> parameters = statement.parameters();
      for (int i = 0; i < parameters.size(); i++) {
        query.setObject(i + 1, parameters.get(i));
      }
      query.setMaxRows(config.maxRows() + 1); // one more than kept tells whether rows were cut
      List<Column> columns = statement.columns();
      List<List<String>> rows = new ArrayList<>();
      boolean truncated = false;
      try (ResultSet result = query.executeQuery()) {
        while (result.next()) {
          if (rows.size() == config.maxRows()) {
            truncated = true;
            break;
          }
          List<String> row = new ArrayList<>(columns.size());
          for (int c = 0; c < columns.size(); c++) {
            row.add(columns.get(c).type().read(result, c + 1));
          }
          rows.add(row);
        }
      }
      return new TabularResult(columns, rows, truncated);
    }
  }
}
