package io.suqi.lakehouse.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Collects the outcome of each expectation checked on one record, and why the failed ones failed. */
public final class ExpectationReport {

  private RecordQuality quality = new RecordQuality(0, 0);
  private final List<String> failures = new ArrayList<>();
  private Expectation firstFailed;

  /** Records an outcome; returns {@code passed} so a check can guard the checks that depend on it. */
  public boolean check(Expectation expectation, boolean passed, Supplier<String> whyNot) {
    quality = quality.with(expectation, passed);
    if (!passed) {
      if (firstFailed == null) {
        firstFailed = expectation;
      }
      failures.add(expectation.label() + ": " + whyNot.get());
    }
    return passed;
  }

  public boolean passed() {
    return firstFailed == null;
  }

  /** The first expectation that failed, or null. */
  public Expectation firstFailed() {
    return firstFailed;
  }

  /** Every failure with its detail, "; "-separated. */
  public String reason() {
    return String.join("; ", failures);
  }

  public RecordQuality quality() {
    return quality;
  }
}
