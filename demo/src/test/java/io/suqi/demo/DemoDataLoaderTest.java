package io.suqi.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Loads the full-size default data set once and checks its shape. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoDataLoaderTest {

  private static final Instant NOW = Instant.parse("2025-06-15T17:30:00Z");
  private static final LocalDate TODAY = LocalDate.of(2025, 6, 15);
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private EmbeddedDatabases databases;
  private DataSource dataSource;
  private ScalarQueries sql;
  private DemoDataSummary summary;
  private final List<String> progress = new ArrayList<>();

  @BeforeAll
  void loadDefaultDataSet() throws Exception {
    // Given an empty, migrated database
    databases = EmbeddedDatabases.start();
    dataSource = databases.freshMigrated();
    sql = new ScalarQueries(dataSource);

    // When the default demo data set is loaded
    summary = new DemoDataLoader().load(dataSource, CLOCK, progress::add);
    System.out.printf("Full demo data load took %.2f s: %s%n",
        summary.elapsed().toMillis() / 1000.0, summary);
  }

  @AfterAll
  void stopDatabase() throws Exception {
    databases.close();
  }

  @Test
  void loadsAtLeastTheMinimumCounts() {
    // Then
    assertThat(summary.skipped()).isFalse();
    assertThat(summary.tenants()).isGreaterThanOrEqualTo(2);
    assertThat(summary.stores()).isEqualTo(20);
    assertThat(summary.products()).isEqualTo(200);
    assertThat(summary.customers()).isEqualTo(1_000);
    assertThat(summary.transactionLines()).isGreaterThanOrEqualTo(200_000)
        .isCloseTo(250_000, within(12_500L));
    assertThat(summary.transactions()).isGreaterThan(summary.transactionLines() / 4);
    assertThat(summary.competitorPrices()).isGreaterThan(1_000);
    assertThat(summary.documents()).isGreaterThanOrEqualTo(100);
  }

  @Test
  void summaryCountsMatchTheTables() throws Exception {
    assertThat(sql.count("SELECT count(*) FROM retail.transactions")).isEqualTo(summary.transactions());
    assertThat(sql.count("SELECT count(*) FROM retail.transaction_items"))
        .isEqualTo(summary.transactionLines());
    assertThat(sql.count("SELECT count(*) FROM kb.documents")).isEqualTo(summary.documents());
  }

  @Test
  void transactionsSpanThirteenMonthsUpToTheClockButNotBeyond() throws Exception {
    LocalDate first = LocalDate.parse(sql.text(
        "SELECT min((ts AT TIME ZONE 'UTC')::date) FROM retail.transactions"));
    LocalDate last = LocalDate.parse(sql.text(
        "SELECT max((ts AT TIME ZONE 'UTC')::date) FROM retail.transactions"));

    assertThat(first).isBetween(TODAY.minusMonths(13), TODAY.minusMonths(13).plusDays(3));
    assertThat(last).isEqualTo(TODAY);
    assertThat(sql.count("SELECT count(*) FROM retail.transactions WHERE ts > '" + NOW + "'"))
        .isZero();
    assertThat(sql.count("SELECT count(*) FROM retail.competitor_prices WHERE observed_at > '"
        + NOW + "'")).isZero();
    assertThat(sql.count("SELECT count(*) FROM kb.documents WHERE updated_at > '" + NOW + "'"))
        .isZero();
  }

  @Test
  void weekendsAreBusierThanWeekdays() throws Exception {
    String averagePerDay = """
        SELECT avg(n) FROM (
          SELECT (ts AT TIME ZONE 'UTC')::date AS day, count(*) AS n FROM retail.transactions
          WHERE (ts AT TIME ZONE 'UTC')::date < DATE '%s'
          GROUP BY 1) per_day
        WHERE extract(isodow FROM day) %s
        """;
    double weekend = sql.number(averagePerDay.formatted(TODAY, "IN (6, 7)"));
    double weekday = sql.number(averagePerDay.formatted(TODAY, "BETWEEN 1 AND 5"));

    assertThat(weekend).isGreaterThan(weekday * 1.2);
  }

  @Test
  void decemberIsThePeakAndSummerBeatsLateWinter() throws Exception {
    String averagePerDayIn = """
        SELECT count(*)::float / count(DISTINCT (ts AT TIME ZONE 'UTC')::date)
        FROM retail.transactions WHERE extract(month FROM ts AT TIME ZONE 'UTC') = %d
        """;
    double december = sql.number(averagePerDayIn.formatted(12));
    double february = sql.number(averagePerDayIn.formatted(2));
    double july = sql.number(averagePerDayIn.formatted(7));

    assertThat(december).isGreaterThan(july).isGreaterThan(february * 1.4);
    assertThat(july).isGreaterThan(february * 1.15);
  }

  @Test
  void storesOpenAllYearDifferInSize() throws Exception {
    double ratio = sql.number("""
        SELECT max(n)::float / min(n) FROM (
          SELECT store_id, count(*) AS n FROM retail.transactions JOIN retail.stores USING (store_id)
          WHERE opened_on < DATE '%s' GROUP BY store_id) per_store
        """.formatted(TODAY.minusMonths(13)));
    assertThat(ratio).isGreaterThan(2);
  }

  @Test
  void refundsAndVoidsOccurAtRealisticRates() throws Exception {
    double refunded = sql.number(
        "SELECT avg((status = 'refunded')::int) FROM retail.transactions");
    double voided = sql.number("SELECT avg((status = 'void')::int) FROM retail.transactions");

    assertThat(refunded).isBetween(0.02, 0.04);
    assertThat(voided).isBetween(0.005, 0.015);
  }

  @Test
  void usesAllPaymentMethodsAndHasWalkIns() throws Exception {
    assertThat(sql.text("SELECT string_agg(DISTINCT payment_method, ',') FROM retail.transactions"))
        .isEqualTo("card,cash,gift_card,mobile");
    assertThat(sql.number("SELECT avg((customer_id IS NULL)::int) FROM retail.transactions"))
        .isBetween(0.3, 0.5);
  }

  @Test
  void linesSellAtListPriceWithSomeDiscounts() throws Exception {
    assertThat(sql.count("""
        SELECT count(*) FROM retail.transaction_items i JOIN retail.products p USING (product_id)
        WHERE i.unit_price <> p.unit_price
        """)).isZero();
    assertThat(sql.number("SELECT avg((discount > 0)::int) FROM retail.transaction_items"))
        .isBetween(0.05, 0.25);
    assertThat(sql.count("""
        SELECT count(*) FROM retail.transaction_items
        WHERE discount < 0 OR discount >= quantity * unit_price OR quantity < 1
        """)).isZero();
  }

  @Test
  void productsHaveSeveralCategoriesAndBrandsAndCostBelowPrice() throws Exception {
    assertThat(sql.count("SELECT count(DISTINCT category) FROM retail.products")).isGreaterThanOrEqualTo(5);
    assertThat(sql.count("SELECT count(DISTINCT brand) FROM retail.products")).isGreaterThanOrEqualTo(10);
    assertThat(sql.count(
        "SELECT count(*) FROM retail.products WHERE unit_cost >= unit_price OR unit_cost <= 0"))
        .isZero();
    assertThat(sql.count("SELECT count(*) - count(DISTINCT (tenant_id, sku)) FROM retail.products"))
        .isZero();
  }

  @Test
  void storesSpreadOverTenantsRegionsAndCities() throws Exception {
    assertThat(sql.count("SELECT count(DISTINCT tenant_id) FROM retail.stores")).isGreaterThanOrEqualTo(2);
    assertThat(sql.count("SELECT count(DISTINCT region) FROM retail.stores")).isGreaterThanOrEqualTo(3);
    assertThat(sql.count("SELECT count(DISTINCT city) FROM retail.stores")).isGreaterThanOrEqualTo(8);
    assertThat(sql.text("SELECT string_agg(tenant_id || '=' || name, ',' ORDER BY tenant_id) "
        + "FROM retail.tenants")).isEqualTo("acme-retail=Acme Retail,bodega-co=Bodega Co");
  }

  @Test
  void transactionsAreConsistentWithStoresProductsAndCustomers() throws Exception {
    assertThat(sql.count("""
        SELECT count(*) FROM retail.transactions t JOIN retail.stores s USING (store_id)
        WHERE s.tenant_id <> t.tenant_id OR (t.ts AT TIME ZONE 'UTC')::date < s.opened_on
        """)).isZero();
    assertThat(sql.count("""
        SELECT count(*) FROM retail.transactions t JOIN retail.customers c USING (customer_id)
        WHERE c.tenant_id <> t.tenant_id OR (t.ts AT TIME ZONE 'UTC')::date < c.joined_on
        """)).isZero();
    assertThat(sql.count("""
        SELECT count(*) FROM retail.transaction_items i
        JOIN retail.transactions t USING (txn_id) JOIN retail.products p USING (product_id)
        WHERE p.tenant_id <> t.tenant_id
        """)).isZero();
    assertThat(sql.count("""
        SELECT count(*) FROM retail.transactions t
        WHERE NOT EXISTS (SELECT 1 FROM retail.transaction_items i WHERE i.txn_id = t.txn_id)
        """)).isZero();
  }

  @Test
  void injectedAnomaliesAreRecordedAndVisibleInTheSales() throws Exception {
    assertThat(sql.text("SELECT string_agg(kind || '=' || n, ',' ORDER BY kind) FROM "
        + "(SELECT kind, count(*) AS n FROM demo.injected_anomalies GROUP BY kind) k"))
        .isEqualTo("drop=10,outage=10,spike=10");
    String salesOnInjectedDays = """
        SELECT count(*) FROM demo.injected_anomalies a
        WHERE a.kind = '%s' AND (SELECT count(*) FROM retail.transactions t
          WHERE t.store_id = a.store_id AND (t.ts AT TIME ZONE 'UTC')::date = a.day) %s
        """;
    assertThat(sql.count(salesOnInjectedDays.formatted("outage", "> 0"))).isZero();
    assertThat(sql.count(salesOnInjectedDays.formatted("drop", ">= a.baseline_transactions / 2"))).isZero();
    assertThat(sql.count(salesOnInjectedDays.formatted("spike", "<= a.baseline_transactions * 2"))).isZero();
    assertThat(sql.count("""
        SELECT count(*) FROM demo.injected_anomalies a JOIN retail.stores s USING (store_id)
        WHERE s.tenant_id <> a.tenant_id OR a.day >= DATE '%s'""".formatted(TODAY))).isZero();
  }

  @Test
  void someStoresOpenedDuringTheWindow() throws Exception {
    assertThat(sql.count("SELECT count(*) FROM retail.stores WHERE opened_on > DATE '"
        + TODAY.minusMonths(13) + "'")).isBetween(1L, 4L);
  }

  @Test
  void competitorsAreObservedOverTimeForASubsetOfProducts() throws Exception {
    assertThat(sql.count("SELECT count(DISTINCT competitor) FROM retail.competitor_prices"))
        .isGreaterThanOrEqualTo(3);
    assertThat(sql.count("SELECT count(DISTINCT product_id) FROM retail.competitor_prices"))
        .isBetween(40L, 120L);
    assertThat(sql.count("SELECT count(DISTINCT date_trunc('month', observed_at)) "
        + "FROM retail.competitor_prices")).isGreaterThanOrEqualTo(13);
  }

  @Test
  void everyTenantHasAtLeastFiftyMeaningfulDocuments() throws Exception {
    assertThat(sql.count("""
        SELECT min(n) FROM (SELECT t.tenant_id, count(d.doc_id) AS n
          FROM retail.tenants t LEFT JOIN kb.documents d USING (tenant_id) GROUP BY 1) per_tenant
        """)).isGreaterThanOrEqualTo(50);
    assertThat(sql.text("SELECT string_agg(DISTINCT source, ',') FROM kb.documents"))
        .contains("policy-handbook", "how-to", "glossary");
    assertThat(sql.count("""
        SELECT count(*) FROM kb.documents
        WHERE length(title) < 5 OR length(body) < 150 OR body LIKE '%{tenant}%'
        """)).isZero();
    assertThat(sql.text("SELECT body FROM kb.documents WHERE doc_id = 'bodega-co:returns-policy'"))
        .startsWith("Bodega Co accepts returns");
  }

  @Test
  void reportsProgressOfTheTransactionLines() {
    assertThat(progress).anyMatch(line -> line.matches("demo data: [\\d,]+/[\\d,]+ transaction lines"));
    assertThat(progress).first().asString().startsWith("demo data: generating 13 months up to 2025-06-15");
    assertThat(summary).asString().startsWith("loaded 2 tenants, 20 stores, 200 products");
  }

  @Test
  void loadingAgainSkipsAndDuplicatesNothing() throws Exception {
    // Given the data set loaded in @BeforeAll
    List<String> secondProgress = new ArrayList<>();

    // When it is loaded again
    DemoDataSummary second = new DemoDataLoader().load(dataSource, CLOCK, secondProgress::add);

    // Then
    assertThat(second.skipped()).isTrue();
    assertThat(second.withElapsed(summary.elapsed()))
        .isEqualTo(new DemoDataSummary(true, summary.tenants(), summary.stores(), summary.products(),
            summary.customers(), summary.transactions(), summary.transactionLines(),
            summary.competitorPrices(), summary.documents(), summary.elapsed()));
    assertThat(secondProgress).anyMatch(line -> line.contains("already has rows"));
  }
}
