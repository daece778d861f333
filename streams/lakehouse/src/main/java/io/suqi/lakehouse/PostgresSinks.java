package io.suqi.lakehouse;

import io.suqi.lakehouse.bronze.RawEvent;
import io.suqi.lakehouse.bronze.RawEventsSink;
import io.suqi.lakehouse.bulk.BulkSettings;
import io.suqi.lakehouse.bulk.BulkSink;
import io.suqi.lakehouse.bulk.BulkTable;
import java.util.List;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.jdbc.JdbcExecutionOptions;
import org.apache.flink.connector.jdbc.core.datastream.sink.JdbcSink;
import org.apache.flink.connector.jdbc.datasource.statements.JdbcQueryStatement;

/**
 * Sinks into the lakehouse tables: {@link #bronze} and {@link #copying} for the tables written
 * per event (bronze, silver, customer features), where COPY's lower cost per row matters; {@link #writing}, JDBC
 * batches, for the rest. At-least-once is enough because every statement is
 * idempotent (insert-if-absent, or upsert of absolute values): a replay after a restore rewrites
 * the same rows. Batches are flushed at every checkpoint, when full, or after a short interval.
 */
public final class PostgresSinks {

  static final int BATCH_SIZE = 2_000;
  static final long BATCH_INTERVAL_MS = 200;
  static final int MAX_RETRIES = 3;

  private final PostgresConnection database;

  public PostgresSinks(PostgresConnection database) {
    this.database = database;
  }

  /** bronze.raw_events: COPY straight into the table, each record once ({@link RawEventsSink}). */
  public Sink<RawEvent> bronze() {
    return new RawEventsSink(database, BulkSettings.DEFAULTS);
  }

  public <T> Sink<T> copying(BulkTable<T> table) {
    return copying(List.of(table));
  }

  /** Several tables of the same elements, each batch into all of them in one transaction. */
  public <T> Sink<T> copying(List<BulkTable<T>> tables) {
    return new BulkSink<>(database, tables, BulkSettings.DEFAULTS);
  }

  public <T> Sink<T> writing(JdbcQueryStatement<T> statement) {
    return JdbcSink.<T>builder()
        .withQueryStatement(statement)
        .withExecutionOptions(JdbcExecutionOptions.builder()
            .withBatchSize(BATCH_SIZE)
            .withBatchIntervalMs(BATCH_INTERVAL_MS)
            .withMaxRetries(MAX_RETRIES)
            .build())
        .buildAtLeastOnce(database.options());
  }
}
