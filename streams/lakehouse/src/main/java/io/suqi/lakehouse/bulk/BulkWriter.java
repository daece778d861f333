package io.suqi.lakehouse.bulk;

import io.suqi.lakehouse.PostgresConnection;
import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects a batch (the latest element per key) and writes it with one COPY and the table's merge
 * statements in one transaction. Runs in the task's thread, timers included, so it needs no locks.
 */
final class BulkWriter<T> implements SinkWriter<T> {

  private static final Logger LOG = LoggerFactory.getLogger(BulkWriter.class);

  private final PostgresConnection database;
  private final BulkTable<T> table;
  private final BulkSettings settings;
  private final ProcessingTimeService time;
  private final String stage;
  private final String copy;
  private final List<String> merge;
  private final Map<Object, T> keyed = new LinkedHashMap<>();
  private final List<T> unkeyed = new ArrayList<>();
  private final CopyRows rows = new CopyRows();
  private Connection connection;
  private boolean flushScheduled;
  private boolean closed;

  BulkWriter(PostgresConnection database, BulkTable<T> table, BulkSettings settings, ProcessingTimeService time) {
    this.database = database;
    this.table = table;
    this.settings = settings;
    this.time = time;
    this.stage = "bulk_" + table.name();
    this.copy = "COPY " + stage + " FROM STDIN";
    this.merge = table.merge().stream().map(sql -> sql.replace("{stage}", stage)).toList();
  }

  @Override
  public void write(T element, Context context) throws IOException, InterruptedException {
    Object key = table.key(element);
    if (key == null) {
      unkeyed.add(element);
    } else {
      keyed.put(key, element);
    }
    if (size() >= settings.batchSize()) {
      writeBatch();
    } else if (!flushScheduled) {
      flushScheduled = true;
      time.registerTimer(time.getCurrentProcessingTime() + settings.flushInterval().toMillis(), at -> {
        flushScheduled = false;
        if (!closed) {
          writeBatch();
        }
      });
    }
  }

  @Override
  public void flush(boolean endOfInput) throws IOException, InterruptedException {
    writeBatch();
  }

  private int size() {
    return keyed.size() + unkeyed.size();
  }

  private void writeBatch() throws IOException, InterruptedException {
    if (size() == 0) {
      return;
    }
    rows.clear();
    List<String> removed = new ArrayList<>();
    for (T element : unkeyed) {
      add(element, removed);
    }
    for (T element : keyed.values()) {
      add(element, removed);
    }
    byte[] text = rows.bytes();
    for (int attempt = 0; ; attempt++) {
      try {
        write(text, removed);
        break;
      } catch (SQLException e) {
        discardConnection();
        if (attempt >= settings.maxRetries()) {
          throw new IOException("could not write " + size() + " elements to " + table.name() + " after "
              + (attempt + 1) + " attempts (is Postgres up? the job restarts from its last checkpoint): "
              + e.getMessage(), e);
        }
        LOG.warn("writing {} elements to {} failed (attempt {} of {}), retrying: {}", size(), table.name(),
            attempt + 1, settings.maxRetries() + 1, e.getMessage());
        Thread.sleep(1_000L * (attempt + 1));
      }
    }
    keyed.clear();
    unkeyed.clear();
  }

  private void add(T element, List<String> removed) {
    table.write(element, rows);
    String key = table.removedKey(element);
    if (key != null) {
      removed.add(key);
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
    closed = true;
    discardConnection();
  }
}
