package io.suqi.agents.analytics;

import io.suqi.agents.TenantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Runs one statement for one tenant in a read-only transaction as the least-privileged role
 * ({@value #ROLE} unless told another), with a statement timeout and a row cap, and rolls back: whatever the SQL were,
 * it could neither write, nor read outside what the role is granted, nor see another tenant's
 * rows (row-level security, V9, keyed by {@value #TENANT_SETTING}), nor run for long.
 */
public final class ReadOnlyQuery {

  /** Created by the migrations (V3); the connecting user must be a member (superusers are). */
  static final String ROLE = "suqi_analytics";
  /** What the row-level security policies (V9) compare each row's tenant with. */
  static final String TENANT_SETTING = "suqi.tenant_id";

  private final DataSource dataSource;
  private final AnalyticsConfig config;
  private final String role;

  public ReadOnlyQuery(DataSource dataSource, AnalyticsConfig config) {
    this(dataSource, config, ROLE);
  }

  /**
   * @param role the agent role the transaction switches to (a member of suqi_agent, so row-level
   *     security applies to it); from the code, never from a question
   */
  public ReadOnlyQuery(DataSource dataSource, AnalyticsConfig config, String role) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.config = Objects.requireNonNull(config, "config");
    if (role == null || !role.matches("[a-z_]+")) {
      throw new IllegalArgumentException("an agent role is a lower-case identifier, was " + role);
    }
    this.role = role;
  }

  public TabularResult run(TenantId tenant, SqlStatement statement) throws SQLException {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(statement, "statement");
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        try (Statement setup = connection.createStatement()) {
          setup.execute("SET TRANSACTION READ ONLY");
          setup.execute("SET LOCAL ROLE " + role);
        }
        // Both local to this transaction (the third argument), so a pooled connection keeps neither.
        try (PreparedStatement settings = connection.prepareStatement(
            "SELECT set_config('statement_timeout', ?, true), set_config('" + TENANT_SETTING + "', ?, true)")) {
          settings.setString(1, config.statementTimeout().toMillis() + "ms");
          settings.setString(2, tenant.value());
          settings.execute();
        }
        return read(connection, statement);
      } finally {
        endTransaction(connection, autoCommit);
      }
    }
  }

  /**
   * Rolls back (there is nothing to keep; this also ends the SET LOCALs) and restores auto-commit,
   * so a pooled connection goes back as it came. A failure here must not hide the query's own
   * outcome; a broken connection is the pool's to discard.
   */
  private static void endTransaction(Connection connection, boolean autoCommit) {
    try {
      connection.rollback();
      connection.setAutoCommit(autoCommit);
    } catch (SQLException ignored) {
      // see above
    }
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
