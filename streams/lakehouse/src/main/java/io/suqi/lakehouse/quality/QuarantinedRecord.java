package io.suqi.lakehouse.quality;

import java.time.Instant;

/**
 * A record kept out of silver: where it was read, its key and value as received, and why.
 *
 * @param expectation the label of the first expectation it broke
 * @param reason every broken expectation with details
 */
public record QuarantinedRecord(String sourceTopic, int partition, long offset, String key, String value,
    String expectation, String reason, Instant quarantinedAt) {}
