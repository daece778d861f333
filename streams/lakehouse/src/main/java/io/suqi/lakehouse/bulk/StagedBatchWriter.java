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
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one batch to its tables, all in one transaction: for each table, the rows of elements that
 * only add rows are COPYed into the table (when the table allows it), the others into the
 * connection's staging table, from which the merge statements apply them. Appending costs
 * Postgres less than merging, which looks up every row's key first (docs/BENCHMARKS.md).
 */
final class StagedBatchWriter<T> implements BatchWriter<T> {

  private static final Logger LOG = LoggerFactory.getLogger(StagedBatchWriter.class);
  private static final String UNIQUE_VIOLATION = "23505";
  private static final String FEATURE_NOT_SUPPORTED = "0A000";

  private final List<TableBatch> tables;
  private final CopyRows rows = new CopyRows();
  private final BatchTransactions transactions;

  /** @param tables at least one ({@link BulkSink} checks it when the job is built) */
  StagedBatchWriter(PostgresConnection database, List<BulkTable<T>> tables, int maxRetries) {
    this.tables = tables.stream().map(TableBatch::new).toList();
    String target = tables.stream().map(BulkTable::name).collect(Collectors.joining(" and "));
    this.transactions = new BatchTransactions(database, target, maxRetries, sql -> {
      try (Statement statement = sql.createStatement()) {
        for (TableBatch table : this.tables) {
          table.createStage(statement);
        }
      }
    });
  }

  @Override
  public void write(List<T> batch) throws IOException, InterruptedException {
    List<Pending> pending = new ArrayList<>(tables.size());
    for (TableBatch table : tables) {
      pending.add(table.prepare(batch));
    }
    transactions.run(batch.size(), sql -> {
      for (Pending table : pending) {
        table.apply(sql);
      }
    });
  }

  @Override
  public void close() {
    transactions.close();
  }

  /** A batch's rows for one table, encoded once so that a retried transaction sends the same. */
  private final class Pending {

    private final TableBatch table;
    private final List<T> batch;
    private final List<T> appended;
    private final byte[] appendedRows;
    private final byte[] stagedRows;
    private final List<String> removed;

    Pending(TableBatch table, List<T> batch, List<T> appended, byte[] appendedRows, byte[] stagedRows,
        List<String> removed) {
      this.table = table;
      this.batch = batch;
      this.appended = appended;
      this.appendedRows = appendedRows;
      this.stagedRows = stagedRows;
      this.removed = removed;
    }

    void apply(Connection sql) throws SQLException {
      if (appended.isEmpty() || table.append(sql, appendedRows, appended.size())) {
        table.merge(sql, stagedRows, removed);
      } else {
        table.merge(sql, table.encode(batch), removed);
      }
    }
  }

  /** How the batches reach one table. */
  private final class TableBatch {

    private final BulkTable<T> table;
    private final String stage;
    private final String copy;
    private final List<String> merge;
    private final String append;
    private boolean appendRefused;

    TableBatch(BulkTable<T> table) {
      this.table = table;
      this.stage = "bulk_" + table.name();
      this.copy = CopyRows.copyInto(stage);
      this.merge = table.merge().stream().map(sql -> sql.replace("{stage}", stage)).toList();
      this.append = table.appendCopy();
    }

    void createStage(Statement statement) throws SQLException {
      // Emptied at every commit, so each batch starts from an empty stage.
      statement.execute("CREATE TEMPORARY TABLE IF NOT EXISTS " + stage + " (" + table.stagingColumns()
          + ") ON COMMIT DELETE ROWS");
    }

    Pending prepare(List<T> batch) {
      List<T> appended = new ArrayList<>();
      List<T> staged = new ArrayList<>();
      for (T element : batch) {
        (append != null && !appendRefused && table.addsOnly(element) ? appended : staged).add(element);
      }
      // Elements that only add rows remove none, so these are the batch's keys either way.
      List<String> removed = new ArrayList<>();
      for (T element : staged) {
        String key = table.removedKey(element);
        if (key != null) {
          removed.add(key);
        }
      }
      return new Pending(this, batch, appended, encode(appended), encode(staged), removed);
    }

    byte[] encode(List<T> elements) {
      rows.clear();
      for (T element : elements) {
        table.write(element, rows);
      }
      return rows.bytes();
    }

    /**
     * Copies new rows straight into the table; false, with the copy undone, if one was there already
     * (a replay) or the table takes no COPY from this role (row-level security applies to it).
     */
    boolean append(Connection sql, byte[] encoded, int elements) throws SQLException {
      Savepoint beforeAppend = sql.setSavepoint();
      try {
        BatchTransactions.copy(sql, append, encoded);
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

    void merge(Connection sql, byte[] encoded, List<String> removed) throws SQLException {
      if (encoded.length == 0 && removed.isEmpty()) {
        return;
      }
      BatchTransactions.copy(sql, copy, encoded);
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
  }
}
