package io.suqi.orchestrator.log;

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

/** An embedded Postgres with the real schema (suqi-db's Flyway migrations), for the log store tests. */
final class ScoutDatabase implements AutoCloseable {

  private final EmbeddedPostgres postgres;

  private ScoutDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  static ScoutDatabase start() {
    try {
      ScoutDatabase database = new ScoutDatabase(EmbeddedPostgres.start());
      Flyway.configure().dataSource(database.dataSource()).locations("classpath:db/migration").load().migrate();
      return database;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  DataSource dataSource() {
    return postgres.getPostgresDatabase();
  }

  void execute(String sql) throws SQLException {
    try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** The first column of each row, as text, with timestamps shown in UTC. */
  List<String> rows(String sql) throws SQLException {
    try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("SET TIME ZONE 'UTC'");
      List<String> rows = new ArrayList<>();
      try (ResultSet result = statement.executeQuery(sql)) {
        while (result.next()) {
          rows.add(result.getString(1));
        }
      }
      return rows;
    }
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
