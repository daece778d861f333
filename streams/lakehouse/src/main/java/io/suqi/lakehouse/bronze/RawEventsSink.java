package io.suqi.lakehouse.bronze;

import io.suqi.lakehouse.PostgresConnection;
import io.suqi.lakehouse.bulk.BulkSettings;
import io.suqi.lakehouse.bulk.BulkWriter;
import java.util.Objects;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * The bronze sink: every input record into bronze.raw_events once, in batches written when full,
 * after the batch interval and at every checkpoint ({@link RawEventsAppender}).
 */
public final class RawEventsSink implements Sink<RawEvent> {

  private static final long serialVersionUID = 1L;

  private final PostgresConnection database;
  private final BulkSettings settings;

  public RawEventsSink(PostgresConnection database, BulkSettings settings) {
    this.database = Objects.requireNonNull(database, "database");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  @Override
  public SinkWriter<RawEvent> createWriter(WriterInitContext context) {
    return writer(database, settings, context.getProcessingTimeService());
  }

  /** The writer alone, for tests that drive it with their own clock. */
  public static BulkWriter<RawEvent> writer(PostgresConnection database, BulkSettings settings,
      ProcessingTimeService time) {
    return new BulkWriter<>(new RawEventsAppender(database, settings.maxRetries()), event -> null, settings, time);
  }
}
