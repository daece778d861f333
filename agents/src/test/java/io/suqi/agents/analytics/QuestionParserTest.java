package io.suqi.agents.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.suqi.agents.analytics.AnalyticsQuery.Grouping;
import io.suqi.agents.analytics.AnalyticsQuery.Order;
import io.suqi.agents.time.TimeRange;
import io.suqi.agents.time.TimeWords;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuestionParserTest {

  // Given a clock on Monday 2026-01-05
  private final QuestionParser parser =
      new QuestionParser(new TimeWords(Clock.fixed(Instant.parse("2026-01-05T10:15:00Z"), ZoneOffset.UTC)));

  private static final TimeRange LAST_MONTH = TimeRange.ofDays(LocalDate.parse("2025-12-01"), LocalDate.parse("2026-01-01"));

  private AnalyticsQuery mapped(String question) {
    Interpretation meaning = parser.parse(question);
    assertThat(meaning).as(question).isInstanceOf(Interpretation.Mapped.class);
    return ((Interpretation.Mapped) meaning).query();
  }

  @Test
  void revenueByStoreForAPeriod() {
    // When
    AnalyticsQuery query = mapped("What was the revenue by store last month?");
    // Then every store, highest first
    assertThat(query).isEqualTo(AnalyticsQuery.byStore(Metric.REVENUE, LAST_MONTH));
  }

  @Test
  void topNStoresByRevenue() {
    // When
    AnalyticsQuery query = mapped("Top 5 stores by revenue last month");
    // Then
    assertThat(query).isEqualTo(AnalyticsQuery.top(Metric.REVENUE, 5, LAST_MONTH));
  }

  @Test
  void bottomNStoresByRevenue() {
    // When
    AnalyticsQuery query = mapped("Which are the bottom 3 stores by sales in Q4?");
    // Then
    assertThat(query.order()).isEqualTo(Order.LOWEST_FIRST);
    assertThat(query.limit()).isEqualTo(OptionalInt.of(3));
    assertThat(query.metric()).isEqualTo(Metric.REVENUE);
    assertThat(query.period()).isEqualTo(TimeRange.ofDays(LocalDate.parse("2025-10-01"), LocalDate.parse("2026-01-01")));
  }

  @ParameterizedTest(name = "\"{0}\" ranks {1} {2} stores by {3}")
  @CsvSource({
      "top 10 stores by revenue this year,                    HIGHEST_FIRST, 10, REVENUE",
      "the 3 best stores by revenue,                          HIGHEST_FIRST, 3,  REVENUE",
      "top three shops by turnover,                           HIGHEST_FIRST, 3,  REVENUE",
      "top stores by revenue,                                 HIGHEST_FIRST, 5,  REVENUE",
      "which store had the highest revenue yesterday?,        HIGHEST_FIRST, 1,  REVENUE",
      "which store sold the most units last week?,            HIGHEST_FIRST, 1,  UNITS",
      "worst 2 stores by units sold in March,                 LOWEST_FIRST,  2,  UNITS",
      "which stores had the fewest transactions today,        LOWEST_FIRST,  5,  TRANSACTIONS",
      "lowest 4 stores by number of transactions last 7 days, LOWEST_FIRST,  4,  TRANSACTIONS",
      "top 2 stores by orders in Q3 2025,                     HIGHEST_FIRST, 2,  TRANSACTIONS",
  })
  void rankings(String question, Order order, int size, Metric metric) {
    // When
    AnalyticsQuery query = mapped(question);
    // Then
    assertThat(query.grouping()).isEqualTo(Grouping.STORE);
    assertThat(query.order()).isEqualTo(order);
    assertThat(query.limit()).isEqualTo(OptionalInt.of(size));
    assertThat(query.metric()).isEqualTo(metric);
  }

  @Test
  void numbersInsideTheTimePhraseAreNotTheRankSize() {
    // When
    AnalyticsQuery query = mapped("top stores by revenue in the last 30 days");
    // Then
    assertThat(query.limit()).isEqualTo(OptionalInt.of(QuestionParser.DEFAULT_RANK_SIZE));
    assertThat(query.period().label()).isEqualTo("2025-12-06 to 2026-01-04");
  }

  @ParameterizedTest(name = "\"{0}\" is a total of {1}")
  @CsvSource({
      "total revenue last month,                      REVENUE",
      "How much revenue did we make?,                 REVENUE",
      "how many transactions yesterday,               TRANSACTIONS",
      "units sold this quarter,                       UNITS",
      "unit sales this quarter,                       UNITS",
      "how many sales did we have last week,          TRANSACTIONS",
  })
  void totals(String question, Metric metric) {
    // When
    AnalyticsQuery query = mapped(question);
    // Then
    assertThat(query.grouping()).isEqualTo(Grouping.TOTAL);
    assertThat(query.limit()).isEmpty();
    assertThat(query.metric()).isEqualTo(metric);
  }

  @Test
  void transactionsPerStoreAllTime() {
    // When
    AnalyticsQuery query = mapped("How many transactions did each store have?");
    // Then
    assertThat(query).isEqualTo(AnalyticsQuery.byStore(Metric.TRANSACTIONS, TimeRange.ALL_TIME));
  }

  @ParameterizedTest(name = "\"{0}\" is refused")
  @ValueSource(strings = {
      "What's the weather like?",
      "top 5 stores last month",                       // no measure
      "revenue and units by store",                    // two measures
      "top 5 products by revenue",                     // another dimension
      "revenue by region last month",
      "revenue by category",
      "average revenue per transaction",
      "revenue growth by store",
      "stores with at least 100 transactions",         // a threshold
      "refunded revenue by store",                     // not over completed sales
      "revenue since 2024",                            // an unread period
      "monthly revenue by store",
      "revenue last month versus this month",          // two periods
      "top 5 and bottom 5 stores by revenue",          // both directions
      "highest revenue last week",                     // a ranking of what?
      "revenue for store 12",                          // a single store filter
      "top 0 stores by revenue",
  })
  void refusesWhatItCannotExpress(String question) {
    // When
    Interpretation meaning = parser.parse(question);
    // Then
    assertThat(meaning).isInstanceOf(Interpretation.Unmapped.class);
    assertThat(((Interpretation.Unmapped) meaning).reason()).isNotBlank();
  }

  @Test
  void aRefusalSaysWhy() {
    // When
    Interpretation meaning = parser.parse("top 5 products by revenue");
    // Then
    assertThat(meaning).isEqualTo(new Interpretation.Unmapped(
        "it mentions \"products\", which this agent cannot break down or filter by yet"));
  }
}
