package io.suqi.lakehouse.quality;

import java.time.Instant;

/** How one expectation fared in one processing-time window. */
public record WindowCount(Instant windowStart, Instant windowEnd, String expectation, PassFail counts) {}
