package io.suqi.agents.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimeWordsTest {

  private static TimeWords at(String instant) {
    return new TimeWords(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
  }

  private static TimeRange days(String first, String dayAfterLast) {
    return TimeRange.ofDays(LocalDate.parse(first), LocalDate.parse(dayAfterLast));
  }

  /** The clock sits on Monday 2026-01-05, just after a year, quarter, month and week boundary. */
  @Nested
  class AtTheStartOfAYear {

    private final TimeWords words = at("2026-01-05T10:15:00Z");

    @ParameterizedTest(name = "\"{0}\" = [{1}, {2})")
    @CsvSource({
        "revenue today,                     2026-01-05, 2026-01-06",
        "revenue yesterday,                 2026-01-04, 2026-01-05",
        "revenue for the last 7 days,       2025-12-29, 2026-01-05",
        "revenue for the last 1 day,        2026-01-04, 2026-01-05",
        "revenue last 10 days by store,     2025-12-26, 2026-01-05",
        "revenue this week,                 2026-01-05, 2026-01-12",
        "revenue last week,                 2025-12-29, 2026-01-05",
        "revenue this month,                2026-01-01, 2026-02-01",
        "revenue last month,                2025-12-01, 2026-01-01",
        "revenue this quarter,              2026-01-01, 2026-04-01",
        "revenue last quarter,              2025-10-01, 2026-01-01",
        "revenue in Q4,                     2025-10-01, 2026-01-01",
        "revenue in Q1,                     2026-01-01, 2026-04-01",
        "revenue in Q3 2025,                2025-07-01, 2025-10-01",
        "revenue in q2 2027,                2027-04-01, 2027-07-01",
        "revenue this year,                 2026-01-01, 2027-01-01",
        "revenue last year,                 2025-01-01, 2026-01-01",
        "revenue in march,                  2025-03-01, 2025-04-01",
        "revenue in January,                2026-01-01, 2026-02-01",
        "revenue in December,               2025-12-01, 2026-01-01",
        "revenue for March 2026,            2026-03-01, 2026-04-01",
        "revenue in february 2024,          2024-02-01, 2024-03-01",
        "revenue in may,                    2025-05-01, 2025-06-01",
        "revenue for May 2024,              2024-05-01, 2024-06-01",
    })
    void readsEachForm(String question, String from, String toExclusive) {
      // Given the clock on 2026-01-05 (in the fixture)
      // When the question is read
      TimeRange found = words.find(question);
      // Then the period is exactly the expected UTC days
      assertThat(found).isEqualTo(days(from, toExclusive));
    }

    @ParameterizedTest
    @ValueSource(strings = {"LAST WEEK revenue", "Revenue Last Week", "revenue, last   week?"})
    void ignoresCaseAndSpacing(String question) {
      // Given / When
      TimeRange found = words.find(question);
      // Then
      assertThat(found).isEqualTo(days("2025-12-29", "2026-01-05"));
    }

    @Test
    void labelsAPeriodByItsFirstAndLastDay() {
      // When
      TimeRange lastMonth = words.find("last month");
      TimeRange today = words.find("today");
      // Then the label names inclusive days, and one day once
      assertThat(lastMonth.label()).isEqualTo("2025-12-01 to 2025-12-31");
      assertThat(today.label()).isEqualTo("2026-01-05");
    }

    @Test
    void boundsAreUtcMidnights() {
      // When
      TimeRange yesterday = words.find("yesterday");
      // Then
      assertThat(yesterday.from()).isEqualTo(Instant.parse("2026-01-04T00:00:00Z"));
      assertThat(yesterday.to()).isEqualTo(Instant.parse("2026-01-05T00:00:00Z"));
    }
  }

  /** The clock sits on Wednesday 2026-05-20, inside Q2 and in May. */
  @Nested
  class InTheMiddleOfAYear {

    private final TimeWords words = at("2026-05-20T23:59:59Z");

    @ParameterizedTest(name = "\"{0}\" = [{1}, {2})")
    @CsvSource({
        "revenue this week,        2026-05-18, 2026-05-25",
        "revenue last week,        2026-05-11, 2026-05-18",
        "revenue this quarter,     2026-04-01, 2026-07-01",
        "revenue last quarter,     2026-01-01, 2026-04-01",
        "revenue in Q2,            2026-04-01, 2026-07-01",
        "revenue in Q3,            2025-07-01, 2025-10-01",
        "revenue in May,           2026-05-01, 2026-06-01",
        "revenue during june,      2025-06-01, 2025-07-01",
        "revenue in april,         2026-04-01, 2026-05-01",
        "revenue last 3 days,      2026-05-17, 2026-05-20",
    })
    void readsEachForm(String question, String from, String toExclusive) {
      assertThat(words.find(question)).isEqualTo(days(from, toExclusive));
    }
  }

  @Test
  void aWeekStartsOnMondayEvenWhenTodayIsSunday() {
    // Given Sunday 2026-01-11
    TimeWords words = at("2026-01-11T12:00:00Z");
    // When / Then
    assertThat(words.find("this week")).isEqualTo(days("2026-01-05", "2026-01-12"));
    assertThat(words.find("last week")).isEqualTo(days("2025-12-29", "2026-01-05"));
  }

  @Test
  void lastNDaysSpansALeapDay() {
    // Given 2024-03-02
    TimeWords words = at("2024-03-02T08:00:00Z");
    // When / Then: 2024-02-29 counts as a day
    assertThat(words.find("last 3 days")).isEqualTo(days("2024-02-28", "2024-03-02"));
  }

  @Test
  void noTimeWordsMeansAllTime() {
    // When
    TimeRange found = at("2026-01-05T10:15:00Z").find("revenue by store");
    // Then
    assertThat(found).isEqualTo(TimeRange.ALL_TIME);
    assertThat(found.isAllTime()).isTrue();
    assertThat(found.from()).isNull();
    assertThat(found.to()).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"which stores may grow fastest", "maybe revenue", "a Tuesday-free mayday"})
  void mayAsAVerbIsNotAMonth(String question) {
    // When
    TimeScan scan = at("2026-01-05T10:15:00Z").scan(question);
    // Then
    assertThat(scan.periods()).isEmpty();
  }

  @Test
  void scanListsEveryPeriodInSentenceOrder() {
    // When
    TimeScan scan = at("2026-01-05T10:15:00Z").scan("revenue last month versus Q3 2025");
    // Then
    assertThat(scan.periods()).containsExactly(days("2025-12-01", "2026-01-01"), days("2025-07-01", "2025-10-01"));
    assertThat(scan.unrecognised()).isEmpty();
    assertThat(scan.remainder()).doesNotContain("2025").contains("versus");
  }

  @ParameterizedTest(name = "\"{0}\" leaves \"{1}\" unread")
  @CsvSource({
      "revenue since 2024,            since",
      "monthly revenue,               monthly",
      "revenue last 3 months,         months",
      "revenue last 0 days,           days",
      "revenue in 2025,               2025",
      "revenue on Monday,             monday",
      "revenue in Sept,               sept",
      "revenue tomorrow,              tomorrow",
      "revenue by store recently,     recently",
  })
  void reportsTimeWordsItCannotRead(String question, String word) {
    // When
    TimeScan scan = at("2026-01-05T10:15:00Z").scan(question);
    // Then
    assertThat(scan.unrecognised()).contains(word);
  }

  @Test
  void aTimeRangeHasBothBoundsOrNeither() {
    Instant now = Instant.parse("2026-01-05T00:00:00Z");
    assertThatThrownBy(() -> new TimeRange(now, null, "x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TimeRange(now, now, "x")).hasMessageContaining("before");
  }
}
