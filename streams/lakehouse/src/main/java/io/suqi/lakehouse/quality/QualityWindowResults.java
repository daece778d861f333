package io.suqi.lakehouse.quality;

import java.time.Instant;
import java.util.Map;
import org.apache.flink.streaming.api.functions.windowing.ProcessAllWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/** Turns a window's tally into one {@link WindowCount} per expectation, stamped with the window. */
public final class QualityWindowResults extends ProcessAllWindowFunction<ExpectationCounts, WindowCount, TimeWindow> {

  private static final long serialVersionUID = 1L;

  @Override
  public void process(Context context, Iterable<ExpectationCounts> tallies, Collector<WindowCount> out) {
    Instant start = Instant.ofEpochMilli(context.window().getStart());
    Instant end = Instant.ofEpochMilli(context.window().getEnd());
    for (ExpectationCounts tally : tallies) {
      for (Map.Entry<String, PassFail> entry : tally.byExpectation().entrySet()) {
        out.collect(new WindowCount(start, end, entry.getKey(), entry.getValue()));
      }
    }
  }
}
