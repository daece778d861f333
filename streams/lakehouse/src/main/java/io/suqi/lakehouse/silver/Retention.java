package io.suqi.lakehouse.silver;

import org.apache.flink.streaming.api.TimerService;

/**
 * When a key's state may be forgotten: {@code retention} after its last change, in processing
 * time. One timer per key is registered and moved only when it fires early: re-registering on
 * every change would cost a timer delete and insert (two RocksDB writes) per record.
 *
 * @param lastChangeAt processing time of the last change
 * @param timerAt the registered timer, 0 when none is
 */
public record Retention(long lastChangeAt, long timerAt) {

  /** No change yet, no timer. */
  public static final Retention NONE = new Retention(0, 0);

  /** After a change now: the same timer, or a new one if there was none. */
  public Retention touched(TimerService timers, long retentionMillis) {
    long now = timers.currentProcessingTime();
    long timer = timerAt;
    if (timer == 0) {
      timer = now + retentionMillis;
      timers.registerProcessingTimeTimer(timer);
    }
    return new Retention(now, timer);
  }

  /** When the timer fired at {@code timestamp}: is the retention over? */
  public boolean expiredAt(long timestamp, long retentionMillis) {
    return lastChangeAt + retentionMillis <= timestamp;
  }

  /** Not over yet: the timer moved to the end of retention. */
  public Retention postponed(TimerService timers, long retentionMillis) {
    long end = lastChangeAt + retentionMillis;
    timers.registerProcessingTimeTimer(end);
    return new Retention(lastChangeAt, end);
  }

  /** The state is dropped before its time: its timer goes too. */
  public void cancel(TimerService timers) {
    if (timerAt != 0) {
      timers.deleteProcessingTimeTimer(timerAt);
    }
  }
}
