package io.suqi.lakehouse.bulk;

import io.suqi.lakehouse.PostgresConnection;
import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one batch to its table, in one transaction: the rows of elements that only add rows are
 * COPYed into the table (when the table allows it), the others into the connection's staging
 * table, from which the merge statements apply them. Appending costs Postgres less than merging,
 * which looks up every row's key first (docs/BENCHMARKS.md).
 */
final class StagedBatchWriter<T> implements BatchWriter<T> {

  private static final Logger LOG = LoggerFactory.getLogger(StagedBatchWriter.class);
  private static final String UNIQUE_VIOLATION = "23505";
  private static final String FEATURE_NOT_SUPPORTED = "0A000";

  private final BulkTable<T> table;
  private final String copy;
  private final List<String> merge;
  private final CopyRows rows = new CopyRows();
  private final String append;
  private boolean appendRefused;
  private final BatchTransactions transactions;

  StagedBatchWriter(PostgresConnection database, BulkTable<T> table, int maxRetries) {
    this.table = table;
    String stage = "bulk_" + table.name();
    this.copy = CopyRows.copyInto(stage);
    this.merge = table.merge().stream().map(sql -> sql.replace("{stage}", stage)).toList();
    this.append = table.appendCopy();
    this.transactions = new BatchTransactions(database, table.name(), maxRetries, sql -> {
      try (Statement statement = sql.createStatement()) {
        // Emptied at every commit, so each batch starts from an empty stage.
        statement.execute("CREATE TEMPORARY TABLE IF NOT EXISTS " + stage + " (" + table.stagingColumns()
            + ") ON COMMIT DELETE ROWS");
      }
    });
  }

  @Override
  public void write(List<T> batch) throws IOException, InterruptedException {
    List<T> appended = new ArrayList<>();
    List<T> staged = new ArrayList<>();
    for (T element : batch) {
      (append != null && !appendRefused && table.addsOnly(element) ? appended : staged).add(element);
    }
    byte[] appendedText = encode(appended);
    byte[] stagedText = encode(staged);
    // Elements that only add rows remove none, so these are the batch's keys either way.
    List<String> removed = removedKeys(staged);
    transactions.run(batch.size(), sql -> {
      if (appended.isEmpty() || append(sql, appendedText, appended.size())) {
        merge(sql, stagedText, removed);
      } else {
        merge(sql, encode(batch), removed);
      }
    });
  }

  private byte[] encode(List<T> elements) {
    rows.clear();
    for (T element : elements) {
      table.write(element, rows);
    }
    return rows.bytes();
  }

  private List<String> removedKeys(List<T> elements) {
    List<String> removed = new ArrayList<>();
    for (T element : elements) {
      String key = table.removedKey(element);
      if (key != null) {
        removed.add(key);
      }
    }
    return removed;
  }

  /**
   * Copies new rows straight into the table; false, with the copy undone, if one was there already
   * (a replay) or the table takes no COPY from this role (row-level security applies to it).
   */
  private boolean append(Connection sql, byte[] text, int elements) throws SQLException {
    Savepoint beforeAppend = sql.setSavepoint();
    try {
      BatchTransactions.copy(sql, append, text);
      sql.releaseSavepoint(beforeAppend);
      return true;
    } catch (SQLException e) {
      if (!UNIQUE_VIOLATION.equals(e.getSQLState()) && !FEATURE_NOT_SUPPORTED.equals(e.getSQLState())) {
        throw e;
      }
      sql.rollback(beforeAppend);
      if (FEATURE_NOT_SUPPORTED.equals(e.getSQLState())) {
        appendRefused = true;
        LOG.info("{}: Postgres takes no COPY into the table from this role, merging every batch: {}",
            table.name(), e.getMessage());
      } else {
        LOG.debug("{}: some of {} new elements' rows were there already (a replay), merging the batch: {}",
            table.name(), elements, e.getMessage());
      }
      return false;
    }
  }

  private void merge(Connection sql, byte[] text, List<String> removed) throws SQLException {
    if (text.length == 0 && removed.isEmpty()) {
      return;
    }
    BatchTransactions.copy(sql, copy, text);
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
  }

  @Override
  public void close() {
    transactions.close();
  }
}
