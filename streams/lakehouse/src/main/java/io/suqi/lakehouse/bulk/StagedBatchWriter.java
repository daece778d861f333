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

/**
 * Writes one batch to its table: encodes the rows, COPYs them into the connection's staging table
 * and runs the merge statements, in one transaction.
 */
final class StagedBatchWriter<T> implements BatchWriter<T> {

  private final BulkTable<T> table;
  private final String copy;
  private final List<String> merge;
  private final CopyRows rows = new CopyRows();
  private final BatchTransactions transactions;

  StagedBatchWriter(PostgresConnection database, BulkTable<T> table, int maxRetries) {
    this.table = table;
    String stage = "bulk_" + table.name();
    this.copy = "COPY " + stage + " FROM STDIN";
    this.merge = table.merge().stream().map(sql -> sql.replace("{stage}", stage)).toList();
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
    transactions.run(batch.size(), sql -> merge(sql, text, removed));
  }

  private void merge(Connection sql, byte[] text, List<String> removed) throws SQLException {
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
