package io.suqi.lakehouse.platinum;

/**
 * A store's daily sales over consecutive UTC days, read once from state for the feature rows
 * being computed, so that the windows of neighbouring rows do not read the same days again.
 */
final class SalesHistory {

  private final long firstDay;
  private final DaySales[] days;

  /** @param days the sales of {@code firstDay}, the next day and so on; null for a day without */
  SalesHistory(long firstDay, DaySales[] days) {
    this.firstDay = firstDay;
    this.days = days;
  }

  /** The sales of {@code day}: none for a day without sales or outside the history. */
  DaySales on(long day) {
    long index = day - firstDay;
    if (index < 0 || index >= days.length || days[(int) index] == null) {
      return DaySales.NONE;
    }
    return days[(int) index];
  }

  /** The sales of the {@code count} days before {@code day}: day-count … day-1, never day itself. */
  DaySales before(long day, int count) {
    DaySales sum = DaySales.NONE;
    for (long past = day - count; past < day; past++) {
      sum = sum.plus(on(past));
    }
    return sum;
  }
}
