package io.suqi.lakehouse.quality;

import org.apache.flink.api.common.functions.AggregateFunction;

/** Adds up passes and failures per expectation within a window, from the operators' pre-tallies. */
public final class QualityTally implements AggregateFunction<ExpectationCounts, ExpectationCounts, ExpectationCounts> {

  private static final long serialVersionUID = 1L;

  @Override
  public ExpectationCounts createAccumulator() {
    return ExpectationCounts.empty();
  }

  @Override
  public ExpectationCounts add(ExpectationCounts tally, ExpectationCounts counts) {
    counts.addAll(tally);
    return counts;
  }

  @Override
  public ExpectationCounts getResult(ExpectationCounts counts) {
    return counts;
  }

  @Override
  public ExpectationCounts merge(ExpectationCounts a, ExpectationCounts b) {
    a.addAll(b);
    return a;
  }
}
