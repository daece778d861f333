package io.suqi.platform.tenant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * API keys of tenants. A key is 32 random bytes shown once; only its SHA-256 is stored
 * (scout.api_keys), so a copy of the table does not let anyone in.
 */
public final class ApiKeys {

  private static final String PREFIX = "suqi_";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final DataSource dataSource;

  public ApiKeys(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Issues a new key for a tenant, creating the tenant in retail.tenants when it is new.
   *
   * @return the key, which is not stored anywhere in clear
   */
  public String create(String tenantId) throws SQLException {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement tenant = c.prepareStatement(
              "INSERT INTO retail.tenants (tenant_id, name) VALUES (?, ?) ON CONFLICT (tenant_id) DO NOTHING");
          PreparedStatement insertKey = c.prepareStatement(
              "INSERT INTO scout.api_keys (key_hash, tenant_id) VALUES (?, ?)")) {
        tenant.setString(1, tenantId);
        tenant.setString(2, tenantId);
        tenant.executeUpdate();
        insertKey.setString(1, hash(key));
        insertKey.setString(2, tenantId);
        insertKey.executeUpdate();
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    }
    return key;
  }

  /** The tenant a key belongs to, if the key is known and not revoked. */
  public Optional<String> tenantOf(String key) throws SQLException {
    if (key == null || !key.startsWith(PREFIX)) {
      return Optional.empty();
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(
            "SELECT tenant_id FROM scout.api_keys WHERE key_hash = ? AND revoked_at IS NULL")) {
      s.setString(1, hash(key));
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  static String hash(String key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
