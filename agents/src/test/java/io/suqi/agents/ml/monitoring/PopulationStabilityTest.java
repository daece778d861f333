package io.suqi.agents.ml.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PopulationStabilityTest {

  private static final double[] TRAINING = IntStream.range(0, 1000).asDoubleStream().toArray();

  @Test
  void recentValuesAllInTheTopDecileGiveTheIndexComputedByHand() {
    // Given training 0..999, whose deciles cut ten bins of 100 values (shares 0.1 each),
    // When every recent value falls in the top bin (share 1, the nine others floored at 1e-4)
    double[] recent = IntStream.range(900, 1000).asDoubleStream().toArray();

    // Then PSI = 9 (1e-4 - 0.1) ln(1e-4 / 0.1) + (1 - 0.1) ln(1 / 0.1)
    double expected = 9 * (1e-4 - 0.1) * Math.log(1e-4 / 0.1) + 0.9 * Math.log(10);
    assertThat(PopulationStability.psi(TRAINING, recent)).isCloseTo(expected, within(1e-9));
    assertThat(expected).isGreaterThan(0.25);
  }

  @Test
  void aSampleOfTheSameDistributionIsStableAndAShiftedOneDrifts() {
    Random random = new Random(11);
    double[] training = random.doubles(5000).map(u -> 100 + 20 * u).toArray();
    double[] same = random.doubles(1000).map(u -> 100 + 20 * u).toArray();
    double[] shifted = random.doubles(1000).map(u -> 110 + 20 * u).toArray();

    assertThat(PopulationStability.psi(training, same)).isLessThan(0.1);
    assertThat(PopulationStability.psi(training, shifted)).isGreaterThan(0.25);
  }

  @Test
  void noValuesOnEitherSideGiveNoIndex() {
    assertThat(PopulationStability.psi(new double[0], TRAINING)).isNaN();
    assertThat(PopulationStability.psi(TRAINING, new double[0])).isNaN();
  }
}
