package io.suqi.lakehouse;

import java.io.Serializable;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.apache.flink.connector.jdbc.JdbcConnectionOptions;

/**
 * Where the lakehouse tables live. Serializable: it travels inside the job graph to every task.
 *
 * @param user null when the URL carries it (…?user=…&password=…)
 * @param password null when the URL carries it or none is needed
 */
public record PostgresConnection(String url, String user, String password) implements Serializable {

  static final String DRIVER = "org.postgresql.Driver";

  /**
   * Every lakehouse session commits synchronously, whatever the server's default (the embedded
   * cluster's is off): a sink's batch counts as written once its checkpoint completes, so a commit
   * still in the WAL buffers when the machine fails would be lost for good, with the input already
   * past it. A batch commits a few times a second, so the flush costs little. A URL's own
   * {@code options} take precedence.
   */
  static final String SESSION_OPTIONS = "-c synchronous_commit=on";

  public PostgresConnection {
    if (url == null || !url.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("a PostgreSQL JDBC URL (jdbc:postgresql://host:port/db) is required, was " + url);
    }
  }

  public Connection open() throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("options", SESSION_OPTIONS);
    if (user != null) {
      properties.setProperty("user", user);
    }
    if (password != null) {
      properties.setProperty("password", password);
    }
    return DriverManager.getConnection(url, properties);
  }

  JdbcConnectionOptions options() {
    // Lets the driver send a batch of plain inserts (bronze, quarantine) as multi-row inserts.
    var builder = new JdbcConnectionOptions.JdbcConnectionOptionsBuilder().withUrl(url).withDriverName(DRIVER)
        .withProperty("reWriteBatchedInserts", "true").withProperty("options", SESSION_OPTIONS);
    if (user != null) {
      builder.withUsername(user);
    }
    if (password != null) {
      builder.withPassword(password);
    }
    return builder.build();
  }

  @Override
  public String toString() {
    return "PostgresConnection[url=" + url.replaceAll("password=[^&]*", "password=***") + ", user=" + user + "]";
  }
}
