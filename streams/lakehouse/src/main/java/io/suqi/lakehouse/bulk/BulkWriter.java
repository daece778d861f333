package io.suqi.lakehouse.bulk;

import io.suqi.lakehouse.PostgresConnection;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.SinkWriter;

/**
 * Collects a batch (the latest element per key) and writes it when it is full, when its interval
 * has passed and at every checkpoint ({@link #flush}). Runs in the task's thread, timers included,
 * so it needs no locks. (Writing from a thread of its own was measured: no faster on two cores,
 * where the pipeline is bound by all its work together rather than by one task's thread.)
 */
public final class BulkWriter<T> implements SinkWriter<T> {

  private final BatchWriter<T> writer;
  private final Function<T, Object> keyOf;
  private final BulkSettings settings;
  private final ProcessingTimeService time;
  private final Map<Object, T> keyed = new LinkedHashMap<>();
  private final List<T> unkeyed = new ArrayList<>();
  private boolean flushScheduled;
  private boolean closed;

  /** Into {@code tables} (sharing the element's key), each batch in one transaction. */
  BulkWriter(PostgresConnection database, List<BulkTable<T>> tables, BulkSettings settings,
      ProcessingTimeService time) {
    this(new StagedBatchWriter<>(database, tables, settings.maxRetries()), tables.get(0)::key, settings, time);
  }

  /**
   * @param keyOf an element's identity within a batch: of two with the same key only the later one
   *     is written; null: every element is
   */
  public BulkWriter(BatchWriter<T> writer, Function<T, Object> keyOf, BulkSettings settings,
      ProcessingTimeService time) {
    this.writer = writer;
    this.keyOf = keyOf;
    this.settings = settings;
    this.time = time;
  }

  @Override
  public void write(T element, Context context) throws IOException, InterruptedException {
    Object key = keyOf.apply(element);
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
    List<T> batch = new ArrayList<>(size());
    batch.addAll(unkeyed);
    batch.addAll(keyed.values());
    writer.write(batch);
    keyed.clear();
    unkeyed.clear();
  }

  @Override
  public void close() {
    closed = true;
    writer.close();
  }
}
