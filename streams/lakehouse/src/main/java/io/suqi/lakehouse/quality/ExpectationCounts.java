package io.suqi.lakehouse.quality;

import java.util.HashMap;
import java.util.Map;

/**
 * Passes and failures per expectation label, accumulated over a window. A record around the map
 * so that Flink serializes it with its own map serializer instead of falling back to Kryo.
 */
public record ExpectationCounts(Map<String, PassFail> byExpectation) {

  public static ExpectationCounts empty() {
    return new ExpectationCounts(new HashMap<>());
  }

  void add(ExpectationOutcome outcome) {
    byExpectation.merge(outcome.expectation().label(), PassFail.NONE.plus(outcome.passed()), PassFail::plus);
  }

  void addAll(ExpectationCounts other) {
    other.byExpectation.forEach((expectation, counts) -> byExpectation.merge(expectation, counts, PassFail::plus));
  }
}
