package io.suqi.lakehouse.silver;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.suqi.lakehouse.EventTimeSettings;
import io.suqi.lakehouse.bronze.InputSource;
import io.suqi.lakehouse.bronze.RawEvent;
import io.suqi.schemas.Topics;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.eventtime.TimestampAssigner;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * The event time of a raw input record: the sale time (ts) of a POS transaction or of a CDC
 * transaction header. A record without one (a CDC line, a tombstone, a malformed record) takes
 * its Kafka timestamp, which for a live change is when it was committed.
 *
 * <p>A sale time is never taken as later than the record's Kafka timestamp plus
 * {@link #CLOCK_SKEW}: one till with a clock years ahead must not drag the watermark into the
 * future and make every other store's sales late.
 */
public final class SaleTime implements SerializableTimestampAssigner<RawEvent> {

  private static final long serialVersionUID = 1L;
  static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private transient JsonFactory json;

  /** Per-partition watermarks from sale times (the Kafka source keeps one generator per split). */
  public static WatermarkStrategy<RawEvent> watermarks(EventTimeSettings settings) {
    return WatermarkStrategy.<RawEvent>forBoundedOutOfOrderness(settings.outOfOrderness())
        .withIdleness(settings.idleness())
        .withTimestampAssigner(new SaleTime());
  }

  @Override
  public long extractTimestamp(RawEvent event, long recordTimestamp) {
    boolean fromKafka = recordTimestamp != TimestampAssigner.NO_TIMESTAMP && recordTimestamp > 0;
    Instant saleTime = saleTime(event);
    if (saleTime == null) {
      return fromKafka ? recordTimestamp : TimestampAssigner.NO_TIMESTAMP;
    }
    long millis = saleTime.toEpochMilli();
    return fromKafka ? Math.min(millis, recordTimestamp + CLOCK_SKEW.toMillis()) : millis;
  }

  private Instant saleTime(RawEvent event) {
    if (event.isTombstone()) {
      return null;
    }
    boolean pos = event.source() == InputSource.POS;
    if (!pos && !Topics.CDC_TRANSACTIONS.name().equals(event.topic())) {
      return null;
    }
    if (json == null) {
      json = new JsonFactory();
    }
    // Streamed, not parsed into a tree: every record pays for this once more after the quality gate.
    try (JsonParser parser = json.createParser(event.value())) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      if (!pos && !moveIntoObject(parser, "after")) {
        return null;
      }
      String ts = textField(parser, "ts");
      return ts == null ? null : JsonFields.timestamp(ts);
    } catch (IOException malformed) {
      return null;   // the quality gate quarantines it; here it just has no sale time
    }
  }

  /** Moves to the start of the object {@code name} among the current object's fields. */
  private static boolean moveIntoObject(JsonParser parser, String name) throws IOException {
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      boolean wanted = name.equals(parser.currentName());
      JsonToken value = parser.nextToken();
      if (wanted) {
        return value == JsonToken.START_OBJECT;
      }
      parser.skipChildren();
    }
    return false;
  }

  /** The text of the current object's field {@code name}, or null. */
  private static String textField(JsonParser parser, String name) throws IOException {
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      boolean wanted = name.equals(parser.currentName());
      JsonToken value = parser.nextToken();
      if (wanted) {
        return value == JsonToken.VALUE_STRING ? parser.getText() : null;
      }
      parser.skipChildren();
    }
    return null;
  }
}
