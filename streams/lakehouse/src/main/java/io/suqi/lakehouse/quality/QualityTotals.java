package io.suqi.lakehouse.quality;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keeps the running totals of each expectation (keyed by its label) and stamps every window's
 * counts with them. One small state entry per expectation, for the life of the job.
 */
public final class QualityTotals extends KeyedProcessFunction<String, WindowCount, QualityResult> {

  private static final long serialVersionUID = 1L;

  private transient ValueState<PassFail> totals;

  @Override
  public void open(OpenContext context) {
    totals = getRuntimeContext().getState(new ValueStateDescriptor<>("totals", TypeInformation.of(PassFail.class)));
  }

  @Override
  public void processElement(WindowCount window, Context context, Collector<QualityResult> out) throws Exception {
    PassFail before = totals.value();
    PassFail after = (before == null ? PassFail.NONE : before).plus(window.counts());
    totals.update(after);
    out.collect(new QualityResult(window.windowStart(), window.windowEnd(), window.expectation(),
        window.counts().passed(), window.counts().failed(), after.passed(), after.failed()));
  }
}
