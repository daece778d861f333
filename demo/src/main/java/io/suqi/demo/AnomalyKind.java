package io.suqi.demo;

import java.util.SplittableRandom;

/**
 * The kinds of anomaly the demo data injects, each a multiplier of a store-day's expected
 * transactions. Sizes are drawn from ranges a store manager would call unmistakable: a detector
 * that misses them is missing something real, and one that only finds them is not guessing.
 */
enum AnomalyKind {
  /** Three to five times the usual volume: a flash promotion, a bulk order event. */
  SPIKE("spike", 3.0, 5.0),
  /** A twentieth to a fifth of the usual volume: a payment terminal down for most of the day. */
  DROP("drop", 0.05, 0.2),
  /** No sales at all: the store closed, or its tills were offline all day. */
  OUTAGE("outage", 0.0, 0.0);

  final String dbValue;
  private final double minFactor;
  private final double maxFactor;

  AnomalyKind(String dbValue, double minFactor, double maxFactor) {
    this.dbValue = dbValue;
    this.minFactor = minFactor;
    this.maxFactor = maxFactor;
  }

  double drawFactor(SplittableRandom random) {
    return minFactor + (maxFactor - minFactor) * random.nextDouble();
  }
}
