package io.suqi.lakehouse.bulk;

import io.suqi.lakehouse.PostgresConnection;
import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one batch to its table: encodes the rows, COPYs them into the connection's staging table
 * and runs the merge statements, in one transaction, retrying on a new connection. Used by one
 * thread at a time.
 */
final class StagedBatchWriter<T> implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StagedBatchWriter.class);

  private final PostgresConnection database;
  private final BulkTable<T> table;
  private final int maxRetries;
  private final String stage;
  private final String copy;
  private final List<String> merge;
  private final CopyRows rows = new CopyRows();
  private Connection connection;

  StagedBatchWriter(PostgresConnection database, BulkTable<T> table, int maxRetries) {
    this.database = database;
    this.table = table;
    this.maxRetries = maxRetries;
    this.stage = "bulk_" + table.name();
    this.copy = "COPY " + stage + " FROM STDIN";
    this.merge = table.merge().stream().map(sql -> sql.replace("{stage}", stage)).toList();
  }

  void write(List<T> batch) throws IOException, InterruptedException {
    rows.clear();
    List<String> removed = new ArrayList<>();
    for (T element : batch) {
      table.write(element, rows);
      String key = table.removedKey(element);
      if (key != null) {
        removed.add(key);
      }
    }
    byte[] text = rows.bytes();
    for (int attempt = 0; ; attempt++) {
      try {
        write(text, removed);
        return;
      } catch (SQLException e) {
        discardConnection();
        if (attempt >= maxRetries) {
          throw new IOException("could not write " + batch.size() + " elements to " + table.name() + " after "
              + (attempt + 1) + " attempts (is Postgres up? the job restarts from its last checkpoint): "
              + e.getMessage(), e);
        }
        LOG.warn("writing {} elements to {} failed (attempt {} of {}), retrying: {}", batch.size(), table.name(),
            attempt + 1, maxRetries + 1, e.getMessage());
        Thread.sleep(1_000L * (attempt + 1));
      }
    }
  }

  private void write(byte[] text, List<String> removed) throws SQLException {
    Connection sql = connection();
    try {
      if (text.length > 0) {
        CopyIn in = sql.unwrap(PGConnection.class).getCopyAPI().copyIn(copy);
        try {
          in.writeToCopy(text, 0, text.length);
          in.endCopy();
        } finally {
          if (in.isActive()) {
            in.cancelCopy();
          }
        }
      }
      Array keys = removed.isEmpty() ? null : sql.createArrayOf("text", removed.toArray());
      for (String statement : merge) {
        boolean takesKeys = statement.indexOf('?') >= 0;
        if (takesKeys && keys == null) {
          continue;
        }
        try (PreparedStatement prepared = sql.prepareStatement(statement)) {
          if (takesKeys) {
            prepared.setArray(1, keys);
          }
          prepared.executeUpdate();
        }
      }
      sql.commit();
    } catch (SQLException e) {
      try {
        sql.rollback();
      } catch (SQLException ignored) {
        // the connection is discarded anyway
      }
      throw e;
    }
  }

  private Connection connection() throws SQLException {
    if (connection == null) {
      Connection opened = database.open();
      try {
        opened.setAutoCommit(false);
        try (Statement statement = opened.createStatement()) {
          // Emptied at every commit, so each batch starts from an empty stage.
          statement.execute("CREATE TEMPORARY TABLE IF NOT EXISTS " + stage + " (" + table.stagingColumns()
              + ") ON COMMIT DELETE ROWS");
        }
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
