package io.suqi.lakehouse;

import io.suqi.lakehouse.bronze.InputSource;
import io.suqi.lakehouse.bronze.RawEvent;
import io.suqi.schemas.Topics;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;

/**
 * POS records held in this JVM (MiniCluster tasks run here) as a bounded source, for tests with
 * too many records to ship inside the job graph. At parallelism 1 they come in list order.
 */
public final class PosRecordsInMemory implements AutoCloseable {

  private static final Map<String, List<String>> RECORDS = new ConcurrentHashMap<>();

  private final String id = UUID.randomUUID().toString();
  private final int size;

  public PosRecordsInMemory(List<String> posJson) {
    RECORDS.put(id, List.copyOf(posJson));
    size = posJson.size();
  }

  public DataGeneratorSource<RawEvent> source() {
    String records = id;
    return new DataGeneratorSource<>(index -> new RawEvent(InputSource.POS, Topics.POS_TRANSACTIONS.name(), 0, index,
        null, RECORDS.get(records).get(index.intValue()), Instant.now()), size, TypeInformation.of(RawEvent.class));
  }

  @Override
  public void close() {
    RECORDS.remove(id);
  }
}
