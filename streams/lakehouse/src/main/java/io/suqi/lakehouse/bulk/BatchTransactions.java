package io.suqi.lakehouse.bulk;

import io.suqi.lakehouse.PostgresConnection;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transactions of a batch writer: one connection, opened when first needed; a failed
 * transaction is rolled back and retried on a new connection, with growing pauses, and then fails
 * with what to check. Used by one thread at a time.
 */
public final class BatchTransactions implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(BatchTransactions.class);

  /** Work inside one transaction (committed by the caller of {@link #run}). */
  @FunctionalInterface
  public interface Work {
    void run(Connection sql) throws SQLException;
  }

  private final PostgresConnection database;
  private final String target;
  private final int maxRetries;
  private final Work onConnect;
  private Connection connection;

  /**
   * @param target what is written, for messages
   * @param onConnect run (and committed) once on each new connection, e.g. to create a staging table
   */
  public BatchTransactions(PostgresConnection database, String target, int maxRetries, Work onConnect) {
    this.database = database;
    this.target = target;
    this.maxRetries = maxRetries;
    this.onConnect = onConnect;
  }

  /** Runs {@code work} and commits, retrying as described; {@code elements} is for messages. */
  public void run(int elements, Work work) throws IOException, InterruptedException {
    for (int attempt = 0; ; attempt++) {
      try {
        Connection sql = connection();
        try {
          work.run(sql);
          sql.commit();
          return;
        } catch (SQLException e) {
          try {
            sql.rollback();
          } catch (SQLException ignored) {
            // the connection is discarded anyway
          }
          throw e;
        }
      } catch (SQLException e) {
        discardConnection();
        if (attempt >= maxRetries) {
          throw new IOException("could not write " + elements + " elements to " + target + " after "
              + (attempt + 1) + " attempts (is Postgres up? the job restarts from its last checkpoint): "
              + e.getMessage(), e);
        }
        LOG.warn("writing {} elements to {} failed (attempt {} of {}), retrying: {}", elements, target,
            attempt + 1, maxRetries + 1, e.getMessage());
        Thread.sleep(1_000L * (attempt + 1));
      }
    }
  }

  /** Copies {@code rows} ({@link CopyRows#bytes}) with {@code copySql} ({@link CopyRows#copyInto}). */
  public static void copy(Connection sql, String copySql, byte[] rows) throws SQLException {
    if (rows.length == 0) {
      return;
    }
    CopyIn in = sql.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
    try {
      in.writeToCopy(rows, 0, rows.length);
      in.endCopy();
    } finally {
      if (in.isActive()) {
        in.cancelCopy();
      }
    }
  }

  private Connection connection() throws SQLException {
    if (connection == null) {
      Connection opened = database.open();
      try {
        WriterOrigin.mark(opened);
        opened.setAutoCommit(false);
        onConnect.run(opened);
        opened.commit();
      } catch (SQLException e) {
        opened.close();
        throw e;
      }
      connection = opened;
    }
    return connection;
  }

  private void discardConnection() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // already broken
      }
      connection = null;
    }
  }

  @Override
  public void close() {
    discardConnection();
  }
}
