package io.suqi.agents.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.suqi.agents.ml.training.ForecastMetrics;
import io.suqi.agents.ml.training.SeasonalNaive;
import io.suqi.agents.ml.training.StoreDay;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaselineAndMetricsTest {

  @Test
  void seasonalNaivePredictsTheSameWeekdayLastWeek() {
    List<StoreDay> rows = SyntheticSeries.of(1, LocalDate.of(2026, 3, 2), 21, (s, d, i) -> i);
    StoreDay day15 = rows.get(15);
    assertThat(SeasonalNaive.predict(day15)).isEqualTo(8.0);
    assertThat(SeasonalNaive.predict(rows.subList(14, 16))).containsExactly(7.0, 8.0);
  }

  @Test
  void mapeAndRmseOfKnownErrors() {
    ForecastMetrics m = ForecastMetrics.of(new double[] {100, 200, 0, 50}, new double[] {110, 180, 10, 50});
    // percentage errors 10%, 10%, (day with no sales skipped), 0% → 6.67%
    assertThat(m.mape()).isCloseTo(20.0 / 3, within(1e-9));
    // squared errors 100, 400, 100, 0 → sqrt(150)
    assertThat(m.rmse()).isCloseTo(Math.sqrt(150), within(1e-9));
    assertThat(m.days()).isEqualTo(4);
  }

  @Test
  void aPerfectForecastHasNoError() {
    ForecastMetrics m = ForecastMetrics.of(new double[] {5, 6}, new double[] {5, 6});
    assertThat(m.mape()).isZero();
    assertThat(m.rmse()).isZero();
  }
}
