package io.suqi.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reproducibility, all-or-nothing and load-once, on a small data set to keep the tests quick. */
class SmallDemoDataLoadTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-10T12:00:00Z"), ZoneOffset.UTC);
  private static final DemoDataConfig SMALL = DemoDataConfig.defaults()
      .withStores(6).withProducts(60).withCustomers(100).withMonths(3).withTransactionLines(8_000);
  private static final Consumer<String> IGNORE_PROGRESS = line -> {};

  private static EmbeddedDatabases databases;

  @BeforeAll
  static void startDatabase() throws Exception {
    databases = EmbeddedDatabases.start();
  }

  @AfterAll
  static void stopDatabase() throws Exception {
    databases.close();
  }

  @Test
  void sameSeedAndClockGiveIdenticalRows() throws Exception {
    // Given two fresh databases
    DataSource first = databases.freshMigrated();
    DataSource second = databases.freshMigrated();

    // When both are loaded with the same seed and clock
    new DemoDataLoader(SMALL).load(first, CLOCK, IGNORE_PROGRESS);
    new DemoDataLoader(SMALL).load(second, CLOCK, IGNORE_PROGRESS);

    // Then every table has the same content
    assertThat(checksums(second)).isEqualTo(checksums(first));
  }

  @Test
  void anotherSeedGivesOtherRows() throws Exception {
    // Given two fresh databases
    DataSource first = databases.freshMigrated();
    DataSource second = databases.freshMigrated();

    // When they are loaded with different seeds
    new DemoDataLoader(SMALL).load(first, CLOCK, IGNORE_PROGRESS);
    new DemoDataLoader(SMALL.withSeed(7)).load(second, CLOCK, IGNORE_PROGRESS);

    // Then the transactions differ
    assertThat(checksums(second).get(0)).isNotEqualTo(checksums(first).get(0));
  }

  @Test
  void laterInTheSameDayOnlyAddsTheDaysNewTransactions() throws Exception {
    // Given one database loaded at noon and one loaded in the evening of the same day
    DataSource noon = databases.freshMigrated();
    DataSource evening = databases.freshMigrated();
    new DemoDataLoader(SMALL).load(noon, CLOCK, IGNORE_PROGRESS);
    new DemoDataLoader(SMALL).load(evening,
        Clock.offset(CLOCK, Duration.ofHours(8)), IGNORE_PROGRESS);

    // When the evening load is cut at noon
    String cutAtNoon = "SELECT md5(string_agg(txn_id || ts || status, ',' ORDER BY txn_id)) "
        + "FROM retail.transactions WHERE ts <= '" + CLOCK.instant() + "'";

    // Then both hold the same transactions up to noon
    assertThat(new ScalarQueries(evening).text(cutAtNoon)).isEqualTo(new ScalarQueries(noon).text(cutAtNoon));
    assertThat(new ScalarQueries(evening).count("SELECT count(*) FROM retail.transactions"))
        .isGreaterThan(new ScalarQueries(noon).count("SELECT count(*) FROM retail.transactions"));
  }

  @Test
  void aFailureMidLoadLeavesNothingBehind() throws Exception {
    // Given a load that fails while writing transaction lines
    DataSource dataSource = databases.freshMigrated();
    Consumer<String> failingProgress = line -> {
      if (line.contains("transaction lines")) {
        throw new IllegalStateException("simulated crash");
      }
    };

    // When it runs
    assertThatThrownBy(() -> new DemoDataLoader(SMALL).load(dataSource, CLOCK, failingProgress))
        .hasMessage("simulated crash");

    // Then nothing was written, and a later load starts from scratch
    ScalarQueries sql = new ScalarQueries(dataSource);
    assertThat(sql.count("SELECT count(*) FROM retail.tenants")).isZero();
    assertThat(sql.count("SELECT count(*) FROM retail.transactions")).isZero();
    assertThat(new DemoDataLoader(SMALL).load(dataSource, CLOCK, IGNORE_PROGRESS).skipped()).isFalse();
  }

  @Test
  void twoLoadersStartedTogetherLoadOnce() throws Exception {
    // Given a fresh database and two loaders racing for it
    DataSource dataSource = databases.freshMigrated();
    ExecutorService executor = Executors.newFixedThreadPool(2);
    try {
      Callable<DemoDataSummary> load = () -> new DemoDataLoader(SMALL).load(dataSource, CLOCK, IGNORE_PROGRESS);

      // When both run at the same time
      List<Future<DemoDataSummary>> results = executor.invokeAll(List.of(load, load));

      // Then one loaded and the other found the data and skipped
      assertThat(List.of(results.get(0).get().skipped(), results.get(1).get().skipped()))
          .containsExactlyInAnyOrder(true, false);
      assertThat(results.get(0).get().transactions()).isEqualTo(results.get(1).get().transactions());
    } finally {
      executor.shutdownNow();
    }
  }

  private static List<String> checksums(DataSource dataSource) throws Exception {
    ScalarQueries sql = new ScalarQueries(dataSource);
    return List.of(
        sql.text("SELECT md5(string_agg(txn_id || ts || status || payment_method || store_id || "
            + "coalesce(customer_id::text, '-'), ',' ORDER BY txn_id)) FROM retail.transactions"),
        sql.text("SELECT md5(string_agg(concat_ws('|', txn_id, line_no, product_id, quantity, "
            + "unit_price, discount), ',' ORDER BY txn_id, line_no)) FROM retail.transaction_items"),
        sql.text("SELECT md5(string_agg(concat_ws('|', store_id, tenant_id, name, region, city, "
            + "opened_on), ',' ORDER BY store_id)) FROM retail.stores"),
        sql.text("SELECT md5(string_agg(concat_ws('|', product_id, sku, name, unit_price, unit_cost), "
            + "',' ORDER BY product_id)) FROM retail.products"),
        sql.text("SELECT md5(string_agg(concat_ws('|', customer_id, segment, region, joined_on), "
            + "',' ORDER BY customer_id)) FROM retail.customers"),
        sql.text("SELECT md5(string_agg(concat_ws('|', product_id, competitor, price, observed_at), "
            + "',' ORDER BY product_id, competitor, observed_at)) FROM retail.competitor_prices"),
        sql.text("SELECT md5(string_agg(concat_ws('|', doc_id, title, body, updated_at), "
            + "',' ORDER BY doc_id)) FROM kb.documents"),
        sql.text("SELECT md5(string_agg(concat_ws('|', store_id, day, kind, volume_factor), "
            + "',' ORDER BY store_id, day)) FROM demo.injected_anomalies"));
  }
}
