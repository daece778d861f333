package io.suqi.lakehouse.quality;

/** Whether one record met one expectation. */
public record ExpectationOutcome(Expectation expectation, boolean passed) {}
