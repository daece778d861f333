package io.suqi.lakehouse.quality;

/** Counts of records that passed and failed one expectation. */
public record PassFail(long passed, long failed) {

  public static final PassFail NONE = new PassFail(0, 0);

  public PassFail plus(boolean pass) {
    return pass ? new PassFail(passed + 1, failed) : new PassFail(passed, failed + 1);
  }

  public PassFail plus(PassFail other) {
    return new PassFail(passed + other.passed, failed + other.failed);
  }
}
