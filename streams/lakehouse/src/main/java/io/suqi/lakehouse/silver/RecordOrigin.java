package io.suqi.lakehouse.silver;

/** Where a record was read: enough to find it again in bronze.raw_events and to quarantine it. */
public record RecordOrigin(String topic, int partition, long offset, String key) {}
