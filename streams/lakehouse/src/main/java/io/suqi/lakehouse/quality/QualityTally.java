package io.suqi.lakehouse.quality;

import org.apache.flink.api.common.functions.AggregateFunction;

/** Adds up passes and failures per expectation within a window, incrementally. */
public final class QualityTally implements AggregateFunction<RecordQuality, ExpectationCounts, ExpectationCounts> {

  private static final long serialVersionUID = 1L;

  @Override
  public ExpectationCounts createAccumulator() {
    return ExpectationCounts.empty();
  }

  @Override
  public ExpectationCounts add(RecordQuality record, ExpectationCounts counts) {
    record.outcomes().forEach(counts::add);
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
