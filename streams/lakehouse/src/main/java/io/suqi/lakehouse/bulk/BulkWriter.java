package io.suqi.lakehouse.bulk;

import io.suqi.lakehouse.PostgresConnection;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.SinkWriter;

/**
 * Collects a batch (the latest element per key) in the task's thread and hands it to a thread of
 * its own, which encodes and writes it while the task goes on: the rows' encoding and the wait for
 * Postgres leave the operator's thread, which on a two-core machine is the pipeline's bottleneck.
 * One batch is in flight at a time, so batches apply in order and a slow database slows the task
 * (backpressure) instead of filling memory. {@link #flush} — at every checkpoint — returns only
 * once everything handed on is committed; a failed batch fails the next call.
 */
final class BulkWriter<T> implements SinkWriter<T> {

  private final BulkTable<T> table;
  private final BulkSettings settings;
  private final ProcessingTimeService time;
  private final StagedBatchWriter<T> writer;
  private final ExecutorService writing;
  private Map<Object, T> keyed = new LinkedHashMap<>();
  private List<T> unkeyed = new ArrayList<>();
  private Future<?> inFlight;
  private boolean flushScheduled;
  private boolean closed;

  BulkWriter(PostgresConnection database, BulkTable<T> table, BulkSettings settings, ProcessingTimeService time) {
    this.table = table;
    this.settings = settings;
    this.time = time;
    this.writer = new StagedBatchWriter<>(database, table, settings.maxRetries());
    this.writing = Executors.newSingleThreadExecutor(runnable -> {
      Thread thread = new Thread(runnable, "bulk-writer-" + table.name());
      thread.setDaemon(true);
      return thread;
    });
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
      handOn();
    } else if (!flushScheduled) {
      flushScheduled = true;
      time.registerTimer(time.getCurrentProcessingTime() + settings.flushInterval().toMillis(), at -> {
        flushScheduled = false;
        if (!closed) {
          handOn();
        }
      });
    }
  }

  @Override
  public void flush(boolean endOfInput) throws IOException, InterruptedException {
    handOn();
    awaitInFlight();
  }

  private int size() {
    return keyed.size() + unkeyed.size();
  }

  /** Hands the batch to the writing thread, once the one before is written. */
  private void handOn() throws IOException, InterruptedException {
    if (size() == 0) {
      return;
    }
    awaitInFlight();
    List<T> batch = new ArrayList<>(size());
    batch.addAll(unkeyed);
    batch.addAll(keyed.values());
    keyed = new LinkedHashMap<>();
    unkeyed = new ArrayList<>();
    inFlight = writing.submit(() -> {
      writer.write(batch);
      return null;
    });
  }

  private void awaitInFlight() throws IOException, InterruptedException {
    if (inFlight == null) {
      return;
    }
    try {
      inFlight.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      throw new IOException("writing to " + table.name() + " failed: " + cause, cause);
    } finally {
      inFlight = null;
    }
  }

  @Override
  public void close() throws InterruptedException {
    closed = true;
    writing.shutdownNow();
    writing.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
    writer.close();
  }
}
