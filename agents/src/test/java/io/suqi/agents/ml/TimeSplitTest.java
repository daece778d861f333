package io.suqi.agents.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.suqi.agents.ml.training.StoreDay;
import io.suqi.agents.ml.training.TimeSplit;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeSplitTest {

  private static final LocalDate FIRST = LocalDate.of(2026, 1, 1);

  @Test
  void testsOnTheLastFourWeeksAndTrainsOnlyOnEarlierDaysWithFullWindows() {
    List<StoreDay> rows = SyntheticSeries.of(2, FIRST, 100, SyntheticSeries::weekly);
    TimeSplit split = TimeSplit.of(rows, 28);

    assertThat(split.testTo()).isEqualTo(FIRST.plusDays(99));
    assertThat(split.testFrom()).isEqualTo(FIRST.plusDays(72));
    assertThat(split.test()).hasSize(2 * 28).allMatch(r -> !r.day().isBefore(split.testFrom()));
    assertThat(split.train()).allMatch(r -> r.day().isBefore(split.testFrom()))
        .allMatch(r -> !r.day().isBefore(FIRST.plusDays(28)));
    assertThat(split.train()).hasSize(2 * (72 - 28));
  }

  @Test
  void tooLittleHistoryIsAClearError() {
    List<StoreDay> rows = SyntheticSeries.of(1, FIRST, 40, SyntheticSeries::weekly);
    assertThatThrownBy(() -> TimeSplit.of(rows, 28)).hasMessageContaining("not enough history");
    assertThatThrownBy(() -> TimeSplit.of(List.of(), 28)).hasMessageContaining("no rows");
  }
}
