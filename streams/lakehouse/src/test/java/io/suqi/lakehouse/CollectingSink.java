package io.suqi.lakehouse;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/** A sink that keeps what it receives in this JVM (MiniCluster tasks run here), for tests. */
public final class CollectingSink<T> implements Sink<T> {

  private static final Map<String, List<Object>> RECEIVED = new ConcurrentHashMap<>();

  private final String id = UUID.randomUUID().toString();

  public CollectingSink() {
    RECEIVED.put(id, new CopyOnWriteArrayList<>());
  }

  @SuppressWarnings("unchecked")
  public List<T> received() {
    return (List<T>) (List<?>) RECEIVED.get(id);
  }

  @Override
  public SinkWriter<T> createWriter(WriterInitContext context) {
    List<Object> received = RECEIVED.get(id);
    return new SinkWriter<>() {
      @Override
      public void write(T element, Context context) {
        received.add(element);
      }

      @Override
      public void flush(boolean endOfInput) {}

      @Override
      public void close() {}
    };
  }
}
