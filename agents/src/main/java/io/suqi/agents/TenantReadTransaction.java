package io.suqi.agents;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * How every agent reads tenant data: a read-only transaction as its least-privileged agent role
 * (a member of suqi_agent, so row-level security applies), with the tenant and a statement timeout
 * set for that transaction only, rolled back at the end. Whatever the SQL inside, it can neither
 * write, nor read beyond the role's grants, nor see another tenant's rows.
 */
public final class TenantReadTransaction {

  /** What the row-level security policies compare each row's tenant with. */
  public static final String TENANT_SETTING = "suqi.tenant_id";

  /** The work done inside the transaction. */
  @FunctionalInterface
  public interface Read<T> {
    T in(Connection connection) throws SQLException;
  }

  private final DataSource dataSource;
  private final String role;
  private final Duration statementTimeout;

  /**
   * @param role the agent role to switch to; from the code, never from a question
   * @param statementTimeout at least 1 ms (PostgreSQL reads 0 as no timeout)
   */
  public TenantReadTransaction(DataSource dataSource, String role, Duration statementTimeout) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    if (role == null || !role.matches("[a-z_]+")) {
      throw new IllegalArgumentException("an agent role is a lower-case identifier, was " + role);
    }
    this.role = role;
    this.statementTimeout = Objects.requireNonNull(statementTimeout, "statementTimeout");
  }

  public <T> T read(TenantId tenant, Read<T> work) throws SQLException {
    Objects.requireNonNull(tenant, "tenant");
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
          settings.setString(1, statementTimeout.toMillis() + "ms");
          settings.setString(2, tenant.value());
          settings.execute();
        }
        return work.in(connection);
      } finally {
        endTransaction(connection, autoCommit);
      }
    }
  }

  /**
   * Rolls back (there is nothing to keep; this also ends the SET LOCALs) and restores auto-commit,
   * so a pooled connection goes back as it came. A failure here must not hide the read's own
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
}
