package io.suqi.connectors;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The PostgreSQL database the CDC connector reads, as Debezium's {@code database.*} settings.
 *
 * @param password may be null when the server trusts the connection (the embedded database)
 */
public record CdcSource(String host, int port, String database, String user, String password) {

  private static final String JDBC_PREFIX = "jdbc:postgresql:";

  public CdcSource {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("host of the CDC source database is required");
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("port of the CDC source database must be in 1..65535, got " + port);
    }
    if (database == null || database.isBlank()) {
      throw new IllegalArgumentException("database name of the CDC source is required");
    }
    if (user == null || user.isBlank()) {
      throw new IllegalArgumentException("user of the CDC source database is required (Debezium needs "
          + "a role with REPLICATION, e.g. postgres)");
    }
  }

  /**
   * Reads {@code jdbc:postgresql://host[:port]/database?user=...&password=...}; the port defaults
   * to 5432, the password to none.
   */
  public static CdcSource fromJdbcUrl(String jdbcUrl) {
    if (jdbcUrl == null || !jdbcUrl.startsWith(JDBC_PREFIX + "//")) {
      throw new IllegalArgumentException("not a PostgreSQL JDBC URL (jdbc:postgresql://host:port/db?user=...): "
          + jdbcUrl);
    }
    URI uri = URI.create(jdbcUrl.substring(JDBC_PREFIX.length()));
    String database = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
    Map<String, String> params = queryParameters(uri.getRawQuery());
    if (!params.containsKey("user")) {
      throw new IllegalArgumentException("the JDBC URL names no user (add ?user=...): " + withoutPassword(jdbcUrl));
    }
    return new CdcSource(uri.getHost(), uri.getPort() == -1 ? 5432 : uri.getPort(), database,
        params.get("user"), params.get("password"));
  }

  private static Map<String, String> queryParameters(String query) {
    Map<String, String> params = new LinkedHashMap<>();
    if (query == null) {
      return params;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        params.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
      }
    }
    return params;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  private static String withoutPassword(String jdbcUrl) {
    return jdbcUrl.replaceAll("password=[^&]*", "password=***");
  }

  /** Debezium's connection settings; no password is an empty one (trust authentication). */
  public Map<String, String> connectorProperties() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("database.hostname", host);
    p.put("database.port", Integer.toString(port));
    p.put("database.dbname", database);
    p.put("database.user", user);
    p.put("database.password", password == null ? "" : password);
    return p;
  }

  @Override
  public String toString() {
    return "CdcSource[" + user + "@" + host + ":" + port + "/" + database + (password == null ? "" : ", password ***") + "]";
  }
}
