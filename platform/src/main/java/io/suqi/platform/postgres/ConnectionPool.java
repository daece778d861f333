package io.suqi.platform.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** The application's PostgreSQL connections (HikariCP: a small, fast, well-kept pool). */
public final class ConnectionPool {

  private ConnectionPool() {}

  public static HikariDataSource open(String jdbcUrl, String name, int maxSize) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setPoolName(name);
    config.setMaximumPoolSize(maxSize);
    config.setMinimumIdle(1);
    config.setConnectionTimeout(10_000);
    // Fail at start with the driver's message (wrong URL, password, database) rather than later.
    config.setInitializationFailTimeout(30_000);
    return new HikariDataSource(config);
  }
}
