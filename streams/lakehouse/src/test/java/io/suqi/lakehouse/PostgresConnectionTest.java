package io.suqi.lakehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.apache.flink.connector.jdbc.datasource.connections.SimpleJdbcConnectionProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sessions of the lakehouse's writers commit synchronously on a server whose default is not to
 * (the embedded test server's, as the runtime's embedded cluster): both the bulk writers'
 * connections and those of Flink's JDBC sinks.
 */
class PostgresConnectionTest {

  @RegisterExtension
  static final LakehouseDatabase database = LakehouseDatabase.perTestClass();

  @Test
  void writerSessionsCommitSynchronouslyThoughTheServerDefaultIsNot() throws Exception {
    // Given a server that commits asynchronously unless told otherwise
    assertThat(database.rows("SHOW synchronous_commit")).containsExactly("off");
    PostgresConnection lakehouse = new PostgresConnection(database.jdbcUrl(), database.user(), null);

    // When the bulk writers and the JDBC sinks connect, then their sessions commit synchronously
    try (Connection bulk = lakehouse.open()) {
      assertThat(synchronousCommit(bulk)).isEqualTo("on");
    }
    SimpleJdbcConnectionProvider sinks = new SimpleJdbcConnectionProvider(lakehouse.options());
    try {
      assertThat(synchronousCommit(sinks.getOrEstablishConnection())).isEqualTo("on");
    } finally {
      sinks.closeConnection();
    }
  }

  @Test
  void optionsInTheUrlTakePrecedence() throws Exception {
    PostgresConnection lakehouse = new PostgresConnection(
        database.jdbcUrl() + "?options=-c%20synchronous_commit%3Dlocal", database.user(), null);
    try (Connection session = lakehouse.open()) {
      assertThat(synchronousCommit(session)).isEqualTo("local");
    }
  }

  private static String synchronousCommit(Connection session) throws SQLException {
    try (Statement statement = session.createStatement(); ResultSet result = statement.executeQuery(
        "SHOW synchronous_commit")) {
      result.next();
      return result.getString(1);
    }
  }
}
