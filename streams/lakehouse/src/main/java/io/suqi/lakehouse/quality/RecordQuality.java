package io.suqi.lakehouse.quality;

import java.util.List;

/** Every expectation checked on one record: one element per record keeps the counting stream small. */
public record RecordQuality(List<ExpectationOutcome> outcomes) {}
