package io.suqi.lakehouse.anomaly;

/**
 * How unlikely a low count of sales is, read from the count itself rather than from a normal
 * approximation. At a few sales a day the square-root scale overstates a drop: with 15 expected, 4
 * sales or fewer happen about once in 1,200 days, while the normal curve on that scale says once in
 * 8,000.
 * A store-day's sales are close to Poisson; not knowing the expected rate exactly (it is estimated
 * from a few weeks) widens that into a negative binomial, a Poisson whose rate is itself uncertain
 * (gamma distributed) with the same mean and a variance of {@code dispersion} times the mean.
 */
final class CountTail {

  private static final double POISSON = 1 + 1e-9;

  private CountTail() {}

  /**
   * @param mean the expected count, > 0
   * @param dispersion the variance over the mean, >= 1 (1: Poisson)
   * @return the mid-p lower tail, P(X &lt; observed) + P(X = observed) / 2, as the standard normal
   *     score with that lower tail: negative when {@code observed} is unusually low
   */
  static double lowerScore(long observed, double mean, double dispersion) {
    if (!(mean > 0) || !(dispersion >= 1)) {
      throw new IllegalArgumentException("need mean > 0 and dispersion >= 1, were " + mean + " and " + dispersion);
    }
    // log P(X = k) from k = 0 upwards: each term is the one before times a ratio.
    double logTerm;
    double shape = Double.POSITIVE_INFINITY;
    double logSuccess = 0;
    if (dispersion < POISSON) {
      logTerm = -mean;
    } else {
      shape = mean / (dispersion - 1);
      logSuccess = Math.log((dispersion - 1) / dispersion);
      logTerm = -shape * Math.log(dispersion);
    }
    double logBelow = Double.NEGATIVE_INFINITY;
    for (long k = 0; k < observed; k++) {
      logBelow = logSum(logBelow, logTerm);
      logTerm += Double.isInfinite(shape) ? Math.log(mean / (k + 1))
          : Math.log((k + shape) / (k + 1)) + logSuccess;
    }
    double logMidP = logSum(logBelow, logTerm - Math.log(2));
    return NormalQuantile.ofLog(Math.min(0, logMidP));
  }

  private static double logSum(double a, double b) {
    double max = Math.max(a, b);
    if (max == Double.NEGATIVE_INFINITY) {
      return max;
    }
    return max + Math.log(Math.exp(a - max) + Math.exp(b - max));
  }
}
