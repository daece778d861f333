package io.suqi.lakehouse.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AnomalySettingsTest {

  private static final AnomalySettings SETTINGS = new AnomalySettings(8, 4, 4.0, 5.0, 7, 3.5);

  @Test
  void aCountDropIsHeldToItsOwnOneSidedThreshold() {
    // Given spikes at 4, drops at 3.5 and revenue at 5 either way
    // When counts and revenue score between those thresholds
    // Then only the drop of the count is an anomaly
    assertThat(SETTINGS.isAnomalous(AnomalyMetric.TXN_COUNT, -3.6)).isTrue();
    assertThat(SETTINGS.isAnomalous(AnomalyMetric.TXN_COUNT, 3.6)).isFalse();
    assertThat(SETTINGS.isAnomalous(AnomalyMetric.TXN_COUNT, 4.0)).isTrue();
    assertThat(SETTINGS.isAnomalous(AnomalyMetric.REVENUE, -4.9)).isFalse();
    assertThat(SETTINGS.isAnomalous(AnomalyMetric.REVENUE, -5.0)).isTrue();
  }

  @Test
  void scalingTheThresholdsKeepsTheRestAndRejectsNonPositiveThresholds() {
    // Given the settings
    // When every threshold is halved (to record near misses)
    AnomalySettings halved = SETTINGS.scaledThresholds(0.5);

    // Then only the thresholds change, and a zero threshold is refused
    assertThat(halved).isEqualTo(new AnomalySettings(8, 4, 2.0, 2.5, 7, 1.75));
    assertThatThrownBy(() -> new AnomalySettings(8, 4, 4.0, 5.0, 7, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("thresholds must be positive");
  }
}
