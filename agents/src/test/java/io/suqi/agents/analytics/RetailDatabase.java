package io.suqi.agents.analytics;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** One real PostgreSQL per test JVM, migrated with the project's Flyway scripts. */
public final class RetailDatabase {

  private static EmbeddedPostgres postgres;

  private RetailDatabase() {}

  /** Connects as the superuser postgres, which may SET ROLE suqi_analytics. */
  public static synchronized DataSource dataSource() {
    if (postgres == null) {
      try {
        postgres = EmbeddedPostgres.builder().start(); // free port; stopped by its shutdown hook
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration").load().migrate();
    }
    return postgres.getPostgresDatabase();
  }

  /**
   * A database of its own in the same server, migrated: for tests that count every row of a table
   * and so must not see what other test classes insert. Roles are server-wide and shared.
   */
  public static synchronized DataSource freshDatabase(String name) {
    execute("CREATE DATABASE " + name);
    DataSource database = postgres.getDatabase("postgres", name);
    Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
    return database;
  }

  /** Connects to database {@code name} as {@code user} (the embedded server trusts loopback logins). */
  static DataSource loggedInAs(String user, String name) {
    dataSource();
    return postgres.getDatabase(user, name);
  }

  static void execute(String sql) {
    try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
