package io.suqi.lakehouse.bronze;

import io.suqi.lakehouse.PostgresText;
import io.suqi.lakehouse.bulk.CopyRows;

/** bronze.raw_events as COPY writes it: its columns, and a record as one row of them. */
public final class RawEventsTable {

  static final String COPY = CopyRows.copyInto("bronze.raw_events (source, topic, kafka_partition, kafka_offset, "
      + "key, value, ingested_at)");

  /** The highest offset of one partition in bronze (the primary key's index finds it). */
  static final String HIGHEST_OFFSET =
      "SELECT max(kafka_offset) FROM bronze.raw_events WHERE topic = ? AND kafka_partition = ?";

  private RawEventsTable() {}

  /** Appends {@code event} as one row in {@link #COPY}'s column order. */
  public static void write(RawEvent event, CopyRows rows) {
    rows.text(event.source().label()).text(event.topic()).integer(event.partition()).bigint(event.offset())
        .text(PostgresText.storable(event.key())).text(PostgresText.storable(event.value()))
        .timestamp(event.ingestedAt()).end();
  }
}
