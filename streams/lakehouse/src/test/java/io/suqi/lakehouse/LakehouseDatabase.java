package io.suqi.lakehouse;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An embedded Postgres on a free port with the real schema (suqi-db's Flyway migrations). Either
 * started at once ({@link #start}), or for a test class as a JUnit extension that starts it before
 * the class's first test and stops it after the last:
 * {@code @RegisterExtension static final LakehouseDatabase database = LakehouseDatabase.perTestClass();}
 */
public final class LakehouseDatabase implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

  /** A system property: with it, Postgres counts time per statement (pg_stat_statements), for benchmarks. */
  public static final String STATEMENT_STATISTICS = "benchmark.statementStatistics";

  private final boolean durable;
  private EmbeddedPostgres postgres;

  private LakehouseDatabase(boolean durable) {
    this.durable = durable;
  }

  /** A Postgres for tests: the embedded server's defaults, which skip fsync. */
  public static LakehouseDatabase start() {
    return start(false);
  }

  /** As {@link #start}, started and stopped around a test class (register it as an extension). */
  public static LakehouseDatabase perTestClass() {
    return new LakehouseDatabase(false);
  }

  /** As {@link #startDurable}, started and stopped around a test class (register it as an extension). */
  public static LakehouseDatabase durablePerTestClass() {
    return new LakehouseDatabase(true);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    startServer();
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    close();
  }

  /**
   * A Postgres set up as the runtime's embedded cluster (EmbeddedDatabase in the platform): fsync
   * on and logical WAL (for Debezium), for benchmarks whose Postgres cost should be the runtime's.
   */
  public static LakehouseDatabase startDurable() {
    return start(true);
  }

  private static LakehouseDatabase start(boolean durable) {
    LakehouseDatabase database = new LakehouseDatabase(durable);
    database.startServer();
    return database;
  }

  private void startServer() {
    try {
      // As the runtime's embedded cluster (EmbeddedDatabase in the platform): text compares as bytes.
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setLocaleConfig("lc-collate", "C");
      if (durable) {
        builder.setServerConfig("fsync", "on").setServerConfig("wal_level", "logical");
      }
      if (Boolean.getBoolean(STATEMENT_STATISTICS)) {
        builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
      }
      postgres = builder.start();
      if (Boolean.getBoolean(STATEMENT_STATISTICS)) {
        execute("CREATE EXTENSION pg_stat_statements");
      }
      Flyway.configure().dataSource(dataSource()).locations("classpath:db/migration").load().migrate();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot prepare the embedded Postgres", e);
    }
  }

  public DataSource dataSource() {
    return postgres.getPostgresDatabase();
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
  }

  public String user() {
    return "postgres";
  }

  public void execute(String sql) throws SQLException {
    try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** Every row, its columns as text joined by '|', timestamps in UTC. */
  public List<String> rows(String sql) throws SQLException {
    try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("SET TIME ZONE 'UTC'");
      List<String> rows = new ArrayList<>();
      try (ResultSet result = statement.executeQuery(sql)) {
        int columns = result.getMetaData().getColumnCount();
        while (result.next()) {
          StringBuilder row = new StringBuilder();
          for (int i = 1; i <= columns; i++) {
            row.append(i > 1 ? "|" : "").append(result.getString(i));
          }
          rows.add(row.toString());
        }
      }
      return rows;
    }
  }

  /** Where this Postgres keeps its files (and its postmaster.pid). */
  public java.nio.file.Path dataDirectory() throws SQLException {
    return java.nio.file.Path.of(rows("SHOW data_directory").get(0));
  }

  public long count(String sql) throws SQLException {
    return Long.parseLong(rows(sql).get(0));
  }

  @Override
  public void close() throws IOException {
    if (postgres != null) {
      postgres.close();
      postgres = null;
    }
  }
}
