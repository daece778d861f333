package io.suqi.lakehouse.quality;

import java.time.Instant;

/**
 * A row of silver.quality_results: how one expectation fared in one processing-time window
 * ({@code passed}, {@code failed}) and since the job first started ({@code passedTotal},
 * {@code failedTotal}). The totals are checkpointed state, so they are exact after a restore; a
 * window that closed between the last checkpoint and a failure is counted again in a later
 * window, so sums of window counts may exceed the totals after a failure.
 */
public record QualityResult(Instant windowStart, Instant windowEnd, String expectation, long passed, long failed,
    long passedTotal, long failedTotal) {}
