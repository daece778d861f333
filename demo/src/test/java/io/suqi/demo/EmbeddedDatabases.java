package io.suqi.demo;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** One embedded PostgreSQL server that hands out fresh, fully migrated databases. */
final class EmbeddedDatabases implements AutoCloseable {

  private final EmbeddedPostgres postgres;
  private final AtomicInteger created = new AtomicInteger();

  private EmbeddedDatabases(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  static EmbeddedDatabases start() throws IOException {
    return new EmbeddedDatabases(EmbeddedPostgres.builder().start());
  }

  /** A new, empty database with the Suqi migrations applied. */
  DataSource freshMigrated() throws SQLException {
    String name = "demo_" + created.incrementAndGet();
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    }
    DataSource dataSource = postgres.getDatabase("postgres", name);
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    return dataSource;
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
