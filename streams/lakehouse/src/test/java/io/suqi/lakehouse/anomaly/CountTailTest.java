package io.suqi.lakehouse.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CountTailTest {

  @Test
  void aCountAtItsMeanScoresAboutZero() {
    // Given a Poisson count expected at 15
    // When 15 are observed
    double score = CountTail.lowerScore(15, 15, 1);

    // Then it is not low at all (the mid-p lower tail is about one half)
    assertThat(score).isCloseTo(0, within(0.1));
  }

  @Test
  void aLowCountIsScoredByItsExactPoissonTailNotByTheNormalCurve() {
    // Given 15 sales expected, known exactly
    // When only 4 happen: P(X < 4) + P(X = 4) / 2 = 5.34e-4 for a Poisson of mean 15
    double score = CountTail.lowerScore(4, 15, 1);

    // Then the score is that tail's normal quantile, less extreme than the square-root scale's
    double squareRootScale = 2 * Math.sqrt(4 + 0.375) - 2 * Math.sqrt(15 + 0.375);
    assertThat(score).isCloseTo(-3.272, within(0.01));
    assertThat(squareRootScale).isLessThan(-3.6);
  }

  @Test
  void anUncertainExpectedRateMakesALowCountLessUnusual() {
    // Given the same 4 sales where 15 were expected
    // When the expected rate is only estimated (variance 1.3 times the mean instead of 1)
    double known = CountTail.lowerScore(4, 15, 1);
    double estimated = CountTail.lowerScore(4, 15, 1.3);

    // Then the negative binomial's heavier tail scores it less far out
    assertThat(estimated).isGreaterThan(known).isLessThan(-2);
  }

  @Test
  void anOutageAtABusyStoreGetsAFiniteFarScore() {
    // Given 200 sales expected
    // When none happen (a probability of e^-200 / 2, far below what a double holds directly)
    double score = CountTail.lowerScore(0, 200, 1);

    // Then the score is still finite and ordered: about -sqrt(2 * 200)
    assertThat(score).isFinite().isLessThan(-19).isGreaterThan(-21);
    assertThat(CountTail.lowerScore(1, 200, 1)).isGreaterThan(score);
  }

  @Test
  void theNormalQuantileMatchesKnownValuesIntoTheFarTail() {
    // Given probabilities from the centre to the far tails
    // When their logarithms are turned into standard normal quantiles
    // Then they match the tables
    assertThat(NormalQuantile.ofLog(Math.log(0.5))).isCloseTo(0, within(1e-9));
    assertThat(NormalQuantile.ofLog(Math.log(0.025))).isCloseTo(-1.959964, within(1e-5));
    assertThat(NormalQuantile.ofLog(Math.log(0.975))).isCloseTo(1.959964, within(1e-5));
    assertThat(NormalQuantile.ofLog(Math.log(1e-10))).isCloseTo(-6.361341, within(1e-5));
  }
}
