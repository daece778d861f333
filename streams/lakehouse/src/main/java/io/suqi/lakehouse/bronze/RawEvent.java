package io.suqi.lakehouse.bronze;

import java.time.Instant;

/**
 * One Kafka record exactly as read, before any parsing: the unit of the bronze layer.
 *
 * @param key the record key as UTF-8 text, or null
 * @param value the record value as UTF-8 text, or null for a tombstone
 * @param ingestedAt when the job read it
 */
public record RawEvent(InputSource source, String topic, int partition, long offset, String key, String value,
    Instant ingestedAt) {

  public boolean isTombstone() {
    return value == null;
  }
}
