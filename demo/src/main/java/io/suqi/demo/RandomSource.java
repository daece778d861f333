package io.suqi.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Independent, reproducible random streams derived from one seed. Each part of the data set draws
 * from its own stream, so changing how much one part draws (say, one store-day's volume) leaves
 * every other part of the data set unchanged.
 */
final class RandomSource {

  private final long seed;

  RandomSource(long seed) {
    this.seed = seed;
  }

  /** A stream for one named part of the data set, e.g. "stores". */
  SplittableRandom forPart(String part) {
    return new SplittableRandom(mix(seed, part.hashCode()));
  }

  /** A stream for one store's sales on one day. */
  SplittableRandom forStoreDay(long storeId, LocalDate day) {
    return new SplittableRandom(mix(mix(seed, storeId), day.toEpochDay()));
  }

  /** SplitMix64 finaliser: spreads nearby inputs (store 1 and 2, consecutive days) far apart. */
  private static long mix(long left, long right) {
    long z = left * 0x9E3779B97F4A7C15L + right;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A shuffled copy; unlike Collections.shuffle it draws from our reproducible streams. */
  static <T> List<T> shuffled(List<T> items, SplittableRandom random) {
    List<T> copy = new ArrayList<>(items);
    for (int i = copy.size() - 1; i > 0; i--) {
      Collections.swap(copy, i, random.nextInt(i + 1));
    }
    return copy;
  }

  /**
   * A standard normal draw (Box-Muller); SplittableRandom has no nextGaussian on Java 17.
   * StrictMath, here and wherever a draw feeds a decision, gives bit-identical results on every
   * JVM and CPU, which Math does not promise; that keeps the data set the same everywhere.
   */
  static double gaussian(SplittableRandom random) {
    return StrictMath.sqrt(-2 * StrictMath.log(1 - random.nextDouble()))
        * StrictMath.cos(2 * Math.PI * random.nextDouble());
  }
}
