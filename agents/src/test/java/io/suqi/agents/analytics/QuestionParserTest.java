package io.suqi.agents.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.suqi.agents.analytics.catalogue.Catalogue;
import io.suqi.agents.analytics.catalogue.CatalogueName;
import io.suqi.agents.analytics.semantic.Dimension;
import io.suqi.agents.analytics.semantic.Filter;
import io.suqi.agents.analytics.semantic.Metric;
import io.suqi.agents.analytics.semantic.Ranking;
import io.suqi.agents.analytics.semantic.SemanticQuery;
import io.suqi.agents.time.TimeRange;
import io.suqi.agents.time.TimeWords;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuestionParserTest {

  // Given a clock on Monday 2026-01-05 and a tenant's catalogue
  private final QuestionParser parser =
      new QuestionParser(new TimeWords(Clock.fixed(Instant.parse("2026-01-05T10:15:00Z"), ZoneOffset.UTC)));
  private final Catalogue catalogue = new Catalogue(List.of(
      new CatalogueName(Dimension.STORE, "Acme Springfield Mall", List.of("Acme Springfield Mall", "Springfield Mall")),
      new CatalogueName(Dimension.STORE, "Acme Harbour", List.of("Acme Harbour", "Harbour")),
      CatalogueName.of(Dimension.CITY, "Springfield"),
      CatalogueName.of(Dimension.REGION, "North"),
      CatalogueName.of(Dimension.REGION, "South"),
      CatalogueName.of(Dimension.CATEGORY, "Snacks"),
      CatalogueName.of(Dimension.CATEGORY, "Beverages"),
      CatalogueName.of(Dimension.BRAND, "Crunchy"),
      CatalogueName.of(Dimension.PRODUCT, "Crunchy Potato Chips"),
      CatalogueName.of(Dimension.SEGMENT, "premium"),
      new CatalogueName(Dimension.PAYMENT_METHOD, "gift_card", List.of("gift card")),
      CatalogueName.of(Dimension.PAYMENT_METHOD, "card"),
      CatalogueName.of(Dimension.CITY, "5")));

  private static final TimeRange LAST_MONTH = TimeRange.ofDays(LocalDate.parse("2025-12-01"), LocalDate.parse("2026-01-01"));
  private static final TimeRange THIS_MONTH = TimeRange.ofDays(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-02-01"));

  private SemanticQuery mapped(String question) {
    Interpretation meaning = parser.parse(question, catalogue);
    assertThat(meaning).as(question).isInstanceOf(Interpretation.Mapped.class);
    return ((Interpretation.Mapped) meaning).query();
  }

  private String refused(String question) {
    Interpretation meaning = parser.parse(question, catalogue);
    assertThat(meaning).as(question).isInstanceOf(Interpretation.Unmapped.class);
    return ((Interpretation.Unmapped) meaning).reason();
  }

  @Test
  void aBreakdownForAPeriod() {
    // When
    SemanticQuery query = mapped("What was the revenue by store last month?");
    // Then
    assertThat(query.metrics()).containsExactly(Metric.REVENUE);
    assertThat(query.dimensions()).containsExactly(Dimension.STORE);
    assertThat(query.period()).isEqualTo(LAST_MONTH);
    assertThat(query.ranking()).isEmpty();
  }

  @ParameterizedTest(name = "\"{0}\" ranks {1} {2} by {3}, {4} first")
  @CsvSource(delimiter = '|', value = {
      "Top 5 stores by revenue last month              | STORE    | 5 | REVENUE      | true",
      "Which are the bottom 3 stores by sales in Q4?   | STORE    | 3 | REVENUE      | false",
      "which store had the most transactions?          | STORE    | 1 | TRANSACTIONS | true",
      "the 3 worst categories by units sold            | CATEGORY | 3 | UNITS        | false",
      "best selling products this month                | PRODUCT  | 5 | UNITS        | true",
      "Which month had the highest revenue last year?  | MONTH    | 1 | REVENUE      | true",
      "top ten brands by gross margin                  | BRAND    | 10| GROSS_MARGIN | true",
      "busiest hour of the day by transactions         | HOUR     | 1 | TRANSACTIONS | true"})
  void rankings(String question, Dimension dimension, int size, Metric metric, boolean highestFirst) {
    SemanticQuery query = mapped(question);
    assertThat(query.dimensions()).containsExactly(dimension);
    assertThat(query.ranking()).contains(new Ranking(highestFirst, size));
    assertThat(query.metrics()).containsExactly(metric);
  }

  @ParameterizedTest(name = "\"{0}\" measures {1}")
  @CsvSource(delimiter = '|', value = {
      "total revenue                          | REVENUE",
      "how many orders did we have            | TRANSACTIONS",
      "units sold yesterday                   | UNITS",
      "average basket size this month         | AVERAGE_BASKET",
      "what was our average order value       | AVERAGE_BASKET",
      "total discounts given last week        | DISCOUNTS",
      "gross margin in Q3 2025                | GROSS_MARGIN",
      "number of unique customers last month  | DISTINCT_CUSTOMERS",
      "how many refunds were there            | REFUNDS",
      "voided transactions today              | VOIDS",
      "how many Crunchy Potato Chips did we sell | UNITS",
      "how much did we sell last week         | REVENUE"})
  void metrics(String question, Metric metric) {
    assertThat(mapped(question).metrics()).containsExactly(metric);
  }

  @Test
  void twoMetricsAndTwoDimensions() {
    // When
    SemanticQuery query = mapped("revenue and units by region and category this month");
    // Then
    assertThat(query.metrics()).containsExactly(Metric.REVENUE, Metric.UNITS);
    assertThat(query.dimensions()).containsExactly(Dimension.REGION, Dimension.CATEGORY);
    assertThat(query.period()).isEqualTo(THIS_MONTH);
  }

  @ParameterizedTest(name = "\"{0}\" is broken down by {1}")
  @CsvSource(delimiter = '|', value = {
      "monthly revenue last year                | MONTH",
      "revenue per day last week                | DAY",
      "sales for each week this quarter         | WEEK",
      "quarterly revenue                        | QUARTER",
      "revenue by year                          | YEAR",
      "transactions by hour of day              | HOUR",
      "revenue broken down by payment method    | PAYMENT_METHOD",
      "revenue by customer segment              | SEGMENT",
      "units per brand                          | BRAND",
      "revenue across cities                    | CITY"})
  void breakdowns(String question, Dimension dimension) {
    assertThat(mapped(question).dimensions()).containsExactly(dimension);
  }

  @Test
  void catalogueNamesBecomeFiltersWhateverTheirCaseOrATypo() {
    // When
    SemanticQuery query = mapped("units of snaks in the north region last month");
    // Then
    assertThat(query.filters()).containsExactlyInAnyOrder(
        Filter.byName(Dimension.CATEGORY, List.of("Snacks")), Filter.byName(Dimension.REGION, List.of("North")));
    assertThat(query.dimensions()).isEmpty();
  }

  @Test
  void aStoreIsNamedByItsShortNameOrItsId() {
    assertThat(mapped("revenue at the Springfield Mall store").filters())
        .containsExactly(Filter.byName(Dimension.STORE, List.of("Acme Springfield Mall")));
    assertThat(mapped("revenue for store 7 last month").filters())
        .containsExactly(Filter.byId(Dimension.STORE, List.of(7L)));
    // and the longer name wins over the city it contains
    assertThat(mapped("revenue in Springfield").filters())
        .containsExactly(Filter.byName(Dimension.CITY, List.of("Springfield")));
  }

  @Test
  void aNameThatIsOnlyANumberIsNotReadInARanking() {
    SemanticQuery query = mapped("Show the top 5 stores by revenue last month");
    assertThat(query.filters()).isEmpty();
    assertThat(query.ranking()).contains(new Ranking(true, 5));
  }

  @Test
  void paymentMethodsAndSegments() {
    assertThat(mapped("how much revenue was paid by gift card").filters())
        .containsExactly(Filter.byName(Dimension.PAYMENT_METHOD, List.of("gift_card")));
    assertThat(mapped("revenue from premium customers").filters())
        .containsExactly(Filter.byName(Dimension.SEGMENT, List.of("premium")));
  }

  @Test
  void shareOfTotal() {
    SemanticQuery query = mapped("each region's share of total revenue this year");
    assertThat(query.shareOfTotal()).isTrue();
    assertThat(query.dimensions()).containsExactly(Dimension.REGION);
  }

  @Test
  void comparisonOfTwoPeriods() {
    // When
    SemanticQuery query = mapped("Compare Q3 and Q4 revenue by region");
    // Then the later period is the period, the earlier the comparison
    assertThat(query.period()).isEqualTo(TimeRange.ofDays(LocalDate.parse("2025-10-01"), LocalDate.parse("2026-01-01")));
    assertThat(query.earlier()).contains(TimeRange.ofDays(LocalDate.parse("2025-07-01"), LocalDate.parse("2025-10-01")));
    assertThat(query.dimensions()).containsExactly(Dimension.REGION);
    assertThat(mapped("revenue this month vs last month").earlier()).contains(LAST_MONTH);
  }

  @Test
  void aTrendIsByDayForAMonthAndByMonthForLonger() {
    assertThat(mapped("revenue trend last month").dimensions()).containsExactly(Dimension.DAY);
    assertThat(mapped("how has revenue trended this year").dimensions()).containsExactly(Dimension.MONTH);
  }

  @Test
  void anomalies() {
    SemanticQuery query = mapped("any anomalies in the North region last month?");
    assertThat(query.kind()).isEqualTo(SemanticQuery.Kind.ANOMALIES);
    assertThat(query.filters()).containsExactly(Filter.byName(Dimension.REGION, List.of("North")));
    assertThat(query.period()).isEqualTo(LAST_MONTH);
  }

  @Test
  void withoutTimeWordsItIsAllTime() {
    assertThat(mapped("revenue by store").period()).isEqualTo(TimeRange.ALL_TIME);
    assertThat(mapped("revenue by store").earlier()).isEqualTo(Optional.empty());
  }

  @ParameterizedTest(name = "\"{0}\" is refused")
  @ValueSource(strings = {
      "what is the weather like",
      "revenue in the last 3 months",
      "stores with revenue above 1000",
      "revenue by employee",
      "revenue in Gotham",
      "revenue since 2024",
      "how did revenue grow",
      "revenue by store'; DROP TABLE retail.stores; --",
      "the highest and the lowest revenue by store",
      "forecast revenue next month"})
  void refusesRatherThanGuesses(String question) {
    assertThat(refused(question)).isNotBlank();
  }
}
