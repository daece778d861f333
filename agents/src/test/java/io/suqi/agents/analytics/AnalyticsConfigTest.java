package io.suqi.agents.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AnalyticsConfigTest {

  @Test
  void defaultsAreValid() {
    // When
    AnalyticsConfig config = AnalyticsConfig.defaults();
    // Then
    assertThat(config.statementTimeout()).isEqualTo(AnalyticsConfig.DEFAULT_STATEMENT_TIMEOUT);
    assertThat(config.maxRows()).isEqualTo(AnalyticsConfig.DEFAULT_MAX_ROWS);
  }

  @Test
  void aTimeoutThatPostgresWouldReadAsNoTimeoutIsRefused() {
    assertThatThrownBy(() -> new AnalyticsConfig(Duration.ofNanos(500), 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("statementTimeout must be at least 1 ms, was PT0.0000005S");
  }

  @Test
  void limitsAreChecked() {
    assertThatThrownBy(() -> new AnalyticsConfig(null, 10)).hasMessageContaining("statementTimeout");
    assertThatThrownBy(() -> new AnalyticsConfig(Duration.ofHours(1), 10)).hasMessageContaining("at most PT5M");
    assertThatThrownBy(() -> new AnalyticsConfig(Duration.ofSeconds(1), 0))
        .hasMessage("maxRows must be between 1 and 100000, was 0");
    assertThatThrownBy(() -> new AnalyticsConfig(Duration.ofSeconds(1), 100_001)).hasMessageContaining("maxRows");
  }
}
