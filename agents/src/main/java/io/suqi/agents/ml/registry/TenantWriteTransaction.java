package io.suqi.agents.ml.registry;

import io.suqi.agents.TenantId;
import io.suqi.agents.TenantReadTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Like {@link TenantReadTransaction}, but committed: the ML agent's writes to ml.* run as its role
 * with the tenant set for the transaction, so row-level security checks every row it writes and
 * scopes every row it reads.
 */
public final class TenantWriteTransaction {

  private final DataSource dataSource;
  private final String role;
  private final Duration statementTimeout;

  public TenantWriteTransaction(DataSource dataSource, String role, Duration statementTimeout) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    if (role == null || !role.matches("[a-z_]+")) {
      throw new IllegalArgumentException("an agent role is a lower-case identifier, was " + role);
    }
    this.role = role;
    this.statementTimeout = Objects.requireNonNull(statementTimeout, "statementTimeout");
  }

  public <T> T write(TenantId tenant, TenantReadTransaction.Read<T> work) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        try (Statement setup = connection.createStatement()) {
          setup.execute("SET LOCAL ROLE " + role);
        }
        try (PreparedStatement settings = connection.prepareStatement("SELECT set_config('statement_timeout', ?, true), "
            + "set_config('" + TenantReadTransaction.TENANT_SETTING + "', ?, true)")) {
          settings.setString(1, statementTimeout.toMillis() + "ms");
          settings.setString(2, tenant.value());
          settings.execute();
        }
        T result = work.in(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    }
  }
}
