package io.suqi.lakehouse.bulk;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import org.apache.flink.api.common.operators.ProcessingTimeService;

/** Processing time that moves only when a test says so, firing the timers that came due. */
final class ManualTime implements ProcessingTimeService {

  private record Timer(long at, ProcessingTimeCallback callback) {}

  private final List<Timer> timers = new ArrayList<>();
  private long now;

  @Override
  public long getCurrentProcessingTime() {
    return now;
  }

  @Override
  public ScheduledFuture<?> registerTimer(long at, ProcessingTimeCallback callback) {
    timers.add(new Timer(at, callback));
    return null;   // the writer never cancels
  }

  int pendingTimers() {
    return timers.size();
  }

  void advance(long millis) throws Exception {
    now += millis;
    List<Timer> due = timers.stream().filter(timer -> timer.at() <= now).toList();
    timers.removeAll(due);
    for (Timer timer : due) {
      timer.callback().onProcessingTime(now);
    }
  }
}
