package io.suqi.lakehouse.bronze;

import io.suqi.lakehouse.PostgresText;
import io.suqi.lakehouse.bulk.BulkTable;
import io.suqi.lakehouse.bulk.CopyRows;
import java.util.List;

/** bronze.raw_events: every record once, whatever the replays (its Kafka position is the key). */
public final class RawEventsTable implements BulkTable<RawEvent> {

  private static final long serialVersionUID = 1L;
  private static final String COLUMNS = "source, topic, kafka_partition, kafka_offset, key, value, ingested_at";

  @Override
  public String name() {
    return "bronze_raw_events";
  }

  @Override
  public String stagingColumns() {
    return "source text, topic text, kafka_partition int, kafka_offset bigint, key text, value text, "
        + "ingested_at timestamptz";
  }

  /** Positions are unique within a batch: no coalescing needed. */
  @Override
  public Object key(RawEvent event) {
    return null;
  }

  @Override
  public void write(RawEvent event, CopyRows rows) {
    rows.text(event.source().label()).text(event.topic()).number(event.partition()).number(event.offset())
        .text(PostgresText.storable(event.key())).text(PostgresText.storable(event.value()))
        .timestamp(event.ingestedAt()).end();
  }

  @Override
  public List<String> merge() {
    return List.of("INSERT INTO bronze.raw_events (" + COLUMNS + ") SELECT " + COLUMNS + " FROM {stage} "
        + "ON CONFLICT (topic, kafka_partition, kafka_offset) DO NOTHING");
  }
}
