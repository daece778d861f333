package io.suqi.lakehouse.bulk;

import java.io.IOException;
import java.util.List;

/** Writes a batch to Postgres in one transaction, whole or not at all. Used by one thread at a time. */
public interface BatchWriter<T> extends AutoCloseable {

  void write(List<T> batch) throws IOException, InterruptedException;

  @Override
  void close();
}
