package io.suqi.platform.tenant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.HexFormat;
import java.util.Optional;
import javax.sql.DataSource;
import io.suqi.schemas.KeyRole;

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
    return create(tenantId, null, KeyRole.USER);
  }

  /** A stored key (by hash), as the orchestrator's key gate is told about it. */
  public record StoredKey(String keyHash, String tenantId, String userId, KeyRole role, Instant createdAt,
      Instant revokedAt) {}

  /**
   * Issues a new key for a user of a tenant (a tenant-wide key if {@code userId} is null), creating
   * the tenant in retail.tenants when it is new.
   *
   * @return the key, which is not stored anywhere in clear
   */
  public String create(String tenantId, String userId, KeyRole role) throws SQLException {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement tenant = c.prepareStatement(
              "INSERT INTO retail.tenants (tenant_id, name) VALUES (?, ?) ON CONFLICT (tenant_id) DO NOTHING");
          PreparedStatement insertKey = c.prepareStatement(
              "INSERT INTO scout.api_keys (key_hash, tenant_id, user_id, role) VALUES (?, ?, ?, ?)")) {
        tenant.setString(1, tenantId);
        tenant.setString(2, tenantId);
        tenant.executeUpdate();
        insertKey.setString(1, hash(key));
        insertKey.setString(2, tenantId);
        insertKey.setString(3, userId);
        insertKey.setString(4, role.name().toLowerCase(Locale.ROOT));
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

  /** The stored key of a hash, if any. */
  public Optional<StoredKey> stored(String keyHash) throws SQLException {
    return stored("WHERE key_hash = ?", keyHash).stream().findFirst();
  }

  /** Every stored key, revoked ones included (the gate must learn of revocations too). */
  public List<StoredKey> all() throws SQLException {
    return stored("", null);
  }

  private List<StoredKey> stored(String where, String keyHash) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT key_hash, tenant_id, user_id, role, created_at, revoked_at "
            + "FROM scout.api_keys " + where)) {
      if (keyHash != null) {
        s.setString(1, keyHash);
      }
      List<StoredKey> keys = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          Timestamp revoked = rs.getTimestamp(6);
          keys.add(new StoredKey(rs.getString(1), rs.getString(2), rs.getString(3),
              KeyRole.valueOf(rs.getString(4).toUpperCase(Locale.ROOT)), rs.getTimestamp(5).toInstant(),
              revoked == null ? null : revoked.toInstant()));
        }
      }
      return keys;
    }
  }

  /** The hash under which a key is stored and travels (SHA-256, hex). */
  public static String hash(String key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
