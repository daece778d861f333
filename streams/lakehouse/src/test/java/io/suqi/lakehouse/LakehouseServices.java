package io.suqi.lakehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.suqi.schemas.DeadLetter;
import io.suqi.schemas.Topic;
import io.suqi.schemas.Topics;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the lakehouse integration tests run against: a real Kafka broker with the topics, a real
 * Postgres with the schema and the catalogue, and ways to read back every layer. Register it once
 * per test class: {@code @RegisterExtension static final LakehouseServices services = new LakehouseServices();}
 */
final class LakehouseServices implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

  static final List<Topic<?, ?>> TOPICS = List.of(Topics.POS_TRANSACTIONS, Topics.CDC_TRANSACTIONS,
      Topics.CDC_TRANSACTION_ITEMS, Topics.RETAIL_QUARANTINE, Topics.METRICS_REALTIME, Topics.ANOMALIES);
  static final Duration CONVERGENCE = Duration.ofMinutes(3);

  private final boolean durablePostgres;
  private KafkaBroker kafka;
  private LakehouseDatabase database;

  LakehouseServices() {
    this(false);
  }

  /** @param durablePostgres Postgres set up as the runtime's (see {@link LakehouseDatabase#startDurable}) */
  LakehouseServices(boolean durablePostgres) {
    this.durablePostgres = durablePostgres;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    kafka = KafkaBroker.start();
    kafka.createTopics(TOPICS);
    database = durablePostgres ? LakehouseDatabase.startDurable() : LakehouseDatabase.start();
    for (String sql : RetailScenario.catalogueSql()) {
      database.execute(sql);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    close();
  }

  KafkaBroker kafka() {
    return kafka;
  }

  LakehouseDatabase database() {
    return database;
  }

  /** Parallelism 2, checkpoints every second, quality counted per 2 s. */
  LakehouseConfig config(Path checkpoints) {
    return new LakehouseConfig(kafka.bootstrapServers(), database.jdbcUrl(), database.user(), null, checkpoints)
        .withParallelism(2)
        .withCheckpointInterval(Duration.ofSeconds(1))
        .withSettings(new MedallionSettings(Duration.ofDays(7), Duration.ofSeconds(2), Duration.ofMillis(200)));
  }

  /** Waits until every layer holds exactly what the scenario implies. */
  void awaitExactly(RetailScenario scenario) throws Exception {
    await().atMost(CONVERGENCE).pollInterval(Duration.ofMillis(250))
        .untilAsserted(() -> assertThat(goldDaily()).isEqualTo(scenario.expectedDaily()));
    await().atMost(CONVERGENCE).untilAsserted(() -> {
      assertThat(goldHourly()).isEqualTo(scenario.expectedHourly());
      assertThat(goldCategoryRegion()).isEqualTo(scenario.expectedCategoryRegion());
    });
    assertBronzeHoldsEveryRecordOnce(scenario.records());
    await().atMost(CONVERGENCE).untilAsserted(() -> {
      assertThat(database.count("SELECT count(*) FROM silver.transactions")).isEqualTo(scenario.liveTransactions());
      assertThat(database.count("SELECT count(*) FROM silver.transaction_items")).isEqualTo(scenario.liveLines());
      assertThat(quarantineTable()).isEqualTo(scenario.expectedQuarantine());
    });
    assertThat(quarantineTopic(scenario.expectedQuarantine().size())).isEqualTo(scenario.expectedQuarantine());
    await().atMost(CONVERGENCE).untilAsserted(() -> assertThat(
        database.rows("SELECT expectation, failed FROM silver.quality_totals WHERE failed > 0 ORDER BY 1"))
        .isEqualTo(scenario.expectedQualityFailures()));
  }

  /**
   * Waits until platinum agrees with the layers it derives from: one store-day row for every day
   * between a store's first and latest gold day, with gold's revenue and count (zero on a day gold
   * has no row), trailing windows and lags that are sums of gold's days before the row's, and one
   * customer row per identified customer with their completed transactions in silver. Call it
   * after {@link #awaitExactly}, which proves gold and silver exact.
   */
  void awaitPlatinumExactly() throws Exception {
    await().atMost(CONVERGENCE).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
      assertThat(database.rows("SELECT tenant_id, store_id, day, trim_scale(revenue), txn_count "
          + "FROM platinum.store_day_features ORDER BY 1, 2, 3")).isEqualTo(database.rows("""
          WITH span AS (SELECT tenant_id, store_id, min(day) AS first_day, max(day) AS last_day
                        FROM gold.sales_daily GROUP BY 1, 2)
          SELECT s.tenant_id, s.store_id, d.day::date, trim_scale(coalesce(g.revenue, 0)), coalesce(g.txn_count, 0)
          FROM span s CROSS JOIN LATERAL generate_series(s.first_day, s.last_day, interval '1 day') AS d(day)
          LEFT JOIN gold.sales_daily g ON (g.tenant_id, g.store_id, g.day) = (s.tenant_id, s.store_id, d.day::date)
          ORDER BY 1, 2, 3"""));
      assertThat(database.rows("""
          SELECT f.tenant_id, f.store_id, f.day, f.revenue_7d, f.revenue_28d, f.txn_count_28d, f.revenue_lag_1d
          FROM platinum.store_day_features f
          CROSS JOIN LATERAL (
            SELECT coalesce(sum(g.revenue) FILTER (WHERE g.day >= f.day - 7), 0) AS revenue_7d,
                   coalesce(sum(g.revenue), 0)                                   AS revenue_28d,
                   coalesce(sum(g.txn_count), 0)                                 AS txn_count_28d,
                   coalesce(sum(g.revenue) FILTER (WHERE g.day = f.day - 1), 0)  AS revenue_lag_1d
            FROM gold.sales_daily g
            WHERE (g.tenant_id, g.store_id) = (f.tenant_id, f.store_id) AND g.day BETWEEN f.day - 28 AND f.day - 1) w
          WHERE (f.revenue_7d, f.revenue_28d, f.txn_count_28d, f.revenue_lag_1d)
             <> (w.revenue_7d, w.revenue_28d, w.txn_count_28d, w.revenue_lag_1d)""")).as("rows whose windows differ from gold")
          .isEmpty();
    });
    assertThat(database.count("SELECT count(*) FROM platinum.store_day_features WHERE revenue_7d > 0"))
        .as("rows with a week of history").isPositive();
    List<String> customers = database.rows("""
        SELECT t.tenant_id, t.customer_id, min(t.ts), max(t.ts), count(*), trim_scale(coalesce(sum(i.revenue), 0))
        FROM silver.transactions t
        LEFT JOIN (SELECT txn_id, sum(revenue) AS revenue FROM silver.transaction_items GROUP BY 1) i USING (txn_id)
        WHERE t.status = 'completed' AND t.customer_id IS NOT NULL
        GROUP BY 1, 2 ORDER BY 1, 2""");
    assertThat(customers).as("identified customers in the scenario").isNotEmpty();
    await().atMost(CONVERGENCE).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> assertThat(database.rows(
        "SELECT tenant_id, customer_id, first_purchase_at, last_purchase_at, frequency, trim_scale(monetary) "
            + "FROM platinum.customer_rfm ORDER BY 1, 2")).isEqualTo(customers));
  }

  /**
   * Sends records in small chunks from another thread, so that a runner can be stopped or killed
   * while records are still arriving.
   */
  Thread sendSlowly(List<ProducerRecord<String, String>> records) {
    Thread sender = new Thread(() -> {
      try {
        for (int from = 0; from < records.size(); from += 50) {
          kafka.send(records.subList(from, Math.min(records.size(), from + 50)));
          Thread.sleep(25);
        }
      } catch (Exception e) {
        throw new IllegalStateException("sending failed", e);
      }
    }, "slow-sender");
    sender.start();
    return sender;
  }

  Map<String, String> goldDaily() throws Exception {
    return measures("SELECT tenant_id, store_id, day, revenue, txn_count, units FROM gold.sales_daily", 3);
  }

  Map<String, String> goldHourly() throws Exception {
    return measures("SELECT tenant_id, store_id, hour, revenue, txn_count, units FROM gold.sales_hourly_store", 3);
  }

  Map<String, String> goldCategoryRegion() throws Exception {
    return measures("SELECT tenant_id, day, category, region, revenue, txn_count, units "
        + "FROM gold.sales_daily_category_region", 4);
  }

  /** Rows as "key columns" → "revenue|txn_count|units", revenue compared by value. */
  private Map<String, String> measures(String sql, int keyColumns) throws Exception {
    Map<String, String> rows = new TreeMap<>();
    for (String row : database.rows(sql)) {
      String[] columns = row.split("\\|");
      String key = String.join("|", List.of(columns).subList(0, keyColumns));
      rows.put(key, new BigDecimal(columns[keyColumns]).stripTrailingZeros().toPlainString() + "|"
          + columns[keyColumns + 1] + "|" + columns[keyColumns + 2]);
    }
    return rows;
  }

  /** Per topic, records and tombstones; the primary key makes "once" hold by construction. */
  void assertBronzeHoldsEveryRecordOnce(List<ProducerRecord<String, String>> produced) {
    Map<String, Long> expected = new TreeMap<>();
    produced.forEach(record -> expected.merge(record.topic() + "|" + (record.value() == null), 1L, Long::sum));
    await().atMost(CONVERGENCE).untilAsserted(() -> assertThat(bronzeCounts()).isEqualTo(expected));
  }

  Map<String, Long> bronzeCounts() throws Exception {
    Map<String, Long> stored = new TreeMap<>();
    for (String row : database.rows("SELECT topic, value IS NULL, count(*) FROM bronze.raw_events GROUP BY 1, 2")) {
      String[] columns = row.split("\\|");
      stored.put(columns[0] + "|" + columns[1].equals("t"), Long.parseLong(columns[2]));
    }
    return stored;
  }

  long bronzeTotal() throws Exception {
    return database.count("SELECT count(*) FROM bronze.raw_events");
  }

  /** silver.quarantine as key → expectation. */
  Map<String, String> quarantineTable() throws Exception {
    Map<String, String> rows = new TreeMap<>();
    for (String row : database.rows("SELECT key, expectation FROM silver.quarantine")) {
      int bar = row.lastIndexOf('|');
      rows.put(row.substring(0, bar), row.substring(bar + 1));
    }
    return rows;
  }

  /**
   * The committed dead letters on the quarantine topic as key → expectation (the reason starts
   * with it); fails if there are more than {@code expected} (a duplicate).
   */
  Map<String, String> quarantineTopic(int expected) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<DeadLetter> letters = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
      TopicPartition partition = new TopicPartition(Topics.RETAIL_QUARANTINE.name(), 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      await().atMost(CONVERGENCE).until(() -> {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          letters.add(Topics.RETAIL_QUARANTINE.valueSerde().deserializer().deserialize(record.topic(), record.value()));
        }
        return letters.size() >= expected;
      });
      // A duplicate would come with the same or the next checkpoint: give it time to show up.
      for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(3))) {
        letters.add(Topics.RETAIL_QUARANTINE.valueSerde().deserializer().deserialize(record.topic(), record.value()));
      }
    }
    assertThat(letters).hasSize(expected);
    Map<String, String> byKey = new TreeMap<>();
    for (DeadLetter letter : letters) {
      String key = new String(letter.getKey().array(), StandardCharsets.UTF_8);
      byKey.put(key, letter.getReason().substring(0, letter.getReason().indexOf(':')));
    }
    return byKey;
  }

  @Override
  public void close() throws Exception {
    try {
      if (database != null) {
        database.close();
      }
    } finally {
      if (kafka != null) {
        kafka.close();
      }
    }
  }
}
