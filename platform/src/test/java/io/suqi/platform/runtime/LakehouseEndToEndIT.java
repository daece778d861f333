package io.suqi.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.suqi.schemas.Topics;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both doors into the lakehouse on the real embedded runtime: rows changed in retail.* reach gold
 * through Debezium CDC, POS JSON through retail.pos.transactions, and gold.sales_daily equals the
 * aggregate computed from the source data; bad records wait in quarantine with their reason.
 */
class LakehouseEndToEndIT {

  @TempDir
  Path dataDir;

  @Test
  void goldSalesDailyEqualsTheSourceAggregateAcrossCdcAndPos() throws Exception {
    try (RunningSuqi suqi = RunningSuqi.start(dataDir)) {
      LocalDate today = LocalDate.now(ZoneOffset.UTC);
      // Given sales written in retail.*, then a refund of five sales and the deletion of three
      RetailFixture.load(suqi.db, today);
      execute(suqi.db, "UPDATE retail.transactions SET status = 'refunded' WHERE txn_id IN "
          + "(SELECT txn_id FROM retail.transactions WHERE status = 'completed' ORDER BY txn_id LIMIT 5)");
      execute(suqi.db, "BEGIN; "
          + "DELETE FROM retail.transaction_items WHERE txn_id IN ('T10','T11','T12'); "
          + "DELETE FROM retail.transactions WHERE txn_id IN ('T10','T11','T12'); COMMIT");

      // And point-of-sale events: new, duplicated, out of order, days late, refunded, and bad ones
      Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      List<String> valid = List.of(
          pos("POS-1", 1, now.minus(1, ChronoUnit.HOURS), "completed", 2, 1),
          pos("POS-2", 2, now.minus(3, ChronoUnit.DAYS), "completed", 5, 3),   // a store's backlog, days late
          pos("POS-3", 3, now.minus(2, ChronoUnit.DAYS), "completed", 1, 2),
          pos("POS-4", 3, now.minus(5, ChronoUnit.HOURS), "completed", 4, 4));
      try (KafkaProducer<String, String> producer = producer(suqi.info.kafka())) {
        send(producer, "POS-3", valid.get(2));          // out of order: the later sale first
        send(producer, "POS-1", valid.get(0));
        send(producer, "POS-2", valid.get(1));
        send(producer, "POS-1", valid.get(0));          // the same sale again
        send(producer, "POS-4", valid.get(3));
        send(producer, "POS-4", pos("POS-4", 3, now.minus(5, ChronoUnit.HOURS), "refunded", 4, 4)); // refunded later
        send(producer, "BAD-1", "{\"txn_id\": \"BAD-1\", \"tenant_id\": ");                     // not JSON
        send(producer, "BAD-2", pos("BAD-2", 99, now, "completed", 1, 1));                      // unknown store
        send(producer, "BAD-3", pos("BAD-3", 1, now, "stolen", 1, 1));                          // unknown status
      }

      // Then gold.sales_daily is the aggregate of the source data: retail.* as it is now, plus the
      // valid POS sales, each counted once, the refunded one not at all
      Map<List<Object>, List<BigDecimal>> expected = completedSalesInRetail(suqi.db);
      addPos(expected, 1, now.minus(1, ChronoUnit.HOURS), 2, 1);
      addPos(expected, 2, now.minus(3, ChronoUnit.DAYS), 5, 3);
      addPos(expected, 3, now.minus(2, ChronoUnit.DAYS), 1, 2);
      RunningSuqi.eventually(Duration.ofSeconds(180), "gold.sales_daily equal to the source aggregate",
          () -> goldSalesDaily(suqi.db).equals(expected));

      // And each bad record is in quarantine with the expectation it broke
      RunningSuqi.eventually(Duration.ofSeconds(60), "three records in quarantine",
          () -> quarantine(suqi.db).size() == 3);
      assertThat(quarantine(suqi.db)).containsEntry("BAD-1", "json_well_formed")
          .containsEntry("BAD-2", "store_known_for_tenant").containsEntry("BAD-3", "status_accepted");
    }
  }

  /** A POS sale of one line: product {@code product} (price product*3 + 0.49) times {@code quantity}. */
  private static String pos(String txnId, long store, Instant ts, String status, int quantity, long product) {
    return """
        {"txn_id": "%s", "tenant_id": "%s", "store_id": %d, "customer_id": null, "ts": "%s", "status": "%s",
         "payment_method": "card", "items": [{"line_no": 1, "product_id": %d, "quantity": %d,
         "unit_price": %s, "discount": 0}]}""".formatted(txnId, RetailFixture.TENANT, store, ts, status, product,
        quantity, price(product));
  }

  private static BigDecimal price(long product) {
    return new BigDecimal(product * 3 + ".49");
  }

  private static void addPos(Map<List<Object>, List<BigDecimal>> expected, long store, Instant ts, int quantity,
      long product) {
    List<Object> key = List.of(RetailFixture.TENANT, store, ts.atOffset(ZoneOffset.UTC).toLocalDate().toString());
    List<BigDecimal> sum = expected.computeIfAbsent(key, k -> List.of(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO));
    expected.put(key, List.of(sum.get(0).add(price(product).multiply(BigDecimal.valueOf(quantity))).stripTrailingZeros(),
        sum.get(1).add(BigDecimal.ONE), sum.get(2).add(BigDecimal.valueOf(quantity))));
  }

  private static Map<List<Object>, List<BigDecimal>> completedSalesInRetail(DataSource db) throws SQLException {
    return aggregate(db, """
        SELECT t.tenant_id, t.store_id, (t.ts AT TIME ZONE 'UTC')::date::text,
               sum(i.quantity * i.unit_price - i.discount), count(DISTINCT t.txn_id), sum(i.quantity)
        FROM retail.transactions t JOIN retail.transaction_items i ON i.txn_id = t.txn_id
        WHERE t.status = 'completed' GROUP BY 1, 2, 3""");
  }

  private static Map<List<Object>, List<BigDecimal>> goldSalesDaily(DataSource db) {
    try {
      return aggregate(db, "SELECT tenant_id, store_id, day::text, revenue, txn_count, units FROM gold.sales_daily");
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }

  private static Map<List<Object>, List<BigDecimal>> aggregate(DataSource db, String sql) throws SQLException {
    Map<List<Object>, List<BigDecimal>> rows = new HashMap<>();
    try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        rows.put(List.of(rs.getString(1), rs.getLong(2), rs.getString(3)), List.of(
            rs.getBigDecimal(4).stripTrailingZeros(), rs.getBigDecimal(5), rs.getBigDecimal(6)));
      }
    }
    return rows;
  }

  private static Map<String, String> quarantine(DataSource db) {
    Map<String, String> byKey = new HashMap<>();
    try (Connection c = db.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT key, expectation FROM silver.quarantine")) {
      while (rs.next()) {
        byKey.put(rs.getString(1), rs.getString(2));
      }
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
    return byKey;
  }

  private static KafkaProducer<String, String> producer(String bootstrap) {
    return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1),
        new StringSerializer(), new StringSerializer());
  }

  private static void send(KafkaProducer<String, String> producer, String key, String value) throws Exception {
    producer.send(new ProducerRecord<>(Topics.POS_TRANSACTIONS.name(), key, value)).get();
  }

  private static void execute(DataSource db, String sql) throws SQLException {
    try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
