package io.suqi.platform.tenant;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Database roles of tenants, for SQL mode: a role mapped here (suqi.tenant_roles) asks
 * suqi.ask / suqi.answer / public.ask_suqi_query for its tenant. A new role gets LOGIN, a
 * generated password and no privilege beyond PUBLIC's: the SQL-mode functions are its only door.
 * An existing role (PostgREST's {@code authenticated}, say) is mapped as it is.
 */
public final class TenantDbRoles {

  /** Unquoted PostgreSQL identifiers only, so a role name never needs quoting rules of its own. */
  private static final Pattern ROLE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final DataSource dataSource;

  public TenantDbRoles(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** What {@link #map} did: the role's new password when it created the role. */
  public record Mapping(String role, String tenantId, Optional<String> newPassword) {}

  /**
   * Maps {@code role} to {@code tenantId}, creating the tenant and the role when they are new.
   *
   * @throws IllegalArgumentException if the name is not a plain identifier, or the role already
   *     belongs to another tenant (moving it would silently hand it another tenant's answers)
   */
  public Mapping map(String tenantId, String role) throws SQLException {
    if (role == null || !ROLE_NAME.matcher(role).matches()) {
      throw new IllegalArgumentException("a database role name is 1-63 lower-case letters, digits or '_', "
          + "not starting with a digit, got '" + role + "'");
    }
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        Optional<String> current = tenantOf(c, role);
        if (current.isPresent() && !current.get().equals(tenantId)) {
          throw new IllegalArgumentException("database role " + role + " already belongs to tenant " + current.get()
              + "; give tenant " + tenantId + " a role of its own");
        }
        Optional<String> password = Optional.empty();
        if (!roleExists(c, role)) {
          password = Optional.of(Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes()));
          try (Statement s = c.createStatement()) {
            // The name matched ROLE_NAME and the password is base64url: neither needs escaping.
            s.execute("CREATE ROLE \"" + role + "\" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '" + password.get() + "'");
          }
        }
        try (PreparedStatement tenant = c.prepareStatement(
                "INSERT INTO retail.tenants (tenant_id, name) VALUES (?, ?) ON CONFLICT (tenant_id) DO NOTHING");
            PreparedStatement mapping = c.prepareStatement(
                "INSERT INTO suqi.tenant_roles (role_name, tenant_id) VALUES (?, ?) ON CONFLICT (role_name) DO NOTHING")) {
          tenant.setString(1, tenantId);
          tenant.setString(2, tenantId);
          tenant.executeUpdate();
          mapping.setString(1, role);
          mapping.setString(2, tenantId);
          mapping.executeUpdate();
        }
        c.commit();
        return new Mapping(role, tenantId, password);
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  private static Optional<String> tenantOf(Connection c, String role) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT tenant_id FROM suqi.tenant_roles WHERE role_name = ?")) {
      s.setString(1, role);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  private static boolean roleExists(Connection c, String role) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
      s.setString(1, role);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
