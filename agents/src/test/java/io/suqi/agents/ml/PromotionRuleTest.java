package io.suqi.agents.ml;

import static org.assertj.core.api.Assertions.assertThat;

import io.suqi.agents.ml.registry.PromotionRule;
import io.suqi.agents.ml.training.ForecastMetrics;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PromotionRuleTest {

  private static ForecastMetrics mape(double mape) {
    return new ForecastMetrics(mape, mape * 10, 28);
  }

  @Test
  void promotesACandidateThatBeatsTheBaselineWhenNothingServes() {
    PromotionRule.Decision d = PromotionRule.decide(mape(8), mape(12), Optional.empty());
    assertThat(d.promote()).isTrue();
    assertThat(d.reason()).contains("8.00%", "12.00%");
  }

  @Test
  void refusesACandidateThatDoesNotBeatTheBaseline() {
    assertThat(PromotionRule.decide(mape(12), mape(12), Optional.empty()).promote()).isFalse();
    assertThat(PromotionRule.decide(mape(13), mape(12), Optional.empty()).reason()).contains("baseline");
  }

  @Test
  void refusesACandidateThatDoesNotBeatTheServingModel() {
    PromotionRule.Decision d = PromotionRule.decide(mape(8), mape(12), Optional.of(mape(7)));
    assertThat(d.promote()).isFalse();
    assertThat(d.reason()).contains("serving model");
    assertThat(PromotionRule.decide(mape(6), mape(12), Optional.of(mape(7))).promote()).isTrue();
  }
}
