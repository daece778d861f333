package io.suqi.platform.runtime;

import io.suqi.schemas.Topics;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Point-of-sale events for the lakehouse tests, and the two sides of their check: gold.sales_daily
 * as the lakehouse wrote it, and the same aggregate computed from the source data.
 */
final class PosSales {

  private PosSales() {}

  /** A POS sale of one line: product {@code product} (price product*3 + 0.49) times {@code quantity}. */
  static String pos(String txnId, long store, Instant ts, String status, int quantity, long product) {
    return """
        {"txn_id": "%s", "tenant_id": "%s", "store_id": %d, "customer_id": null, "ts": "%s", "status": "%s",
         "payment_method": "card", "items": [{"line_no": 1, "product_id": %d, "quantity": %d,
         "unit_price": %s, "discount": 0}]}""".formatted(txnId, RetailFixture.TENANT, store, ts, status, product,
        quantity, price(product));
  }

  static BigDecimal price(long product) {
    return new BigDecimal(product * 3 + ".49");
  }

  static void addPos(Map<List<Object>, List<BigDecimal>> expected, long store, Instant ts, int quantity,
      long product) {
    List<Object> key = List.of(RetailFixture.TENANT, store, ts.atOffset(ZoneOffset.UTC).toLocalDate().toString());
    List<BigDecimal> sum = expected.computeIfAbsent(key, k -> List.of(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO));
    expected.put(key, List.of(sum.get(0).add(price(product).multiply(BigDecimal.valueOf(quantity))).stripTrailingZeros(),
        sum.get(1).add(BigDecimal.ONE), sum.get(2).add(BigDecimal.valueOf(quantity))));
  }

  static Map<List<Object>, List<BigDecimal>> completedSalesInRetail(DataSource db) throws SQLException {
    return aggregate(db, """
        SELECT t.tenant_id, t.store_id, (t.ts AT TIME ZONE 'UTC')::date::text,
               sum(i.quantity * i.unit_price - i.discount), count(DISTINCT t.txn_id), sum(i.quantity)
        FROM retail.transactions t JOIN retail.transaction_items i ON i.txn_id = t.txn_id
        WHERE t.status = 'completed' GROUP BY 1, 2, 3""");
  }

  static Map<List<Object>, List<BigDecimal>> goldSalesDaily(DataSource db) {
    try {
      return aggregate(db, "SELECT tenant_id, store_id, day::text, revenue, txn_count, units FROM gold.sales_daily");
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }

  static Map<List<Object>, List<BigDecimal>> aggregate(DataSource db, String sql) throws SQLException {
    Map<List<Object>, List<BigDecimal>> rows = new HashMap<>();
    try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        rows.put(List.of(rs.getString(1), rs.getLong(2), rs.getString(3)), List.of(
            rs.getBigDecimal(4).stripTrailingZeros(), rs.getBigDecimal(5), rs.getBigDecimal(6)));
      }
    }
    return rows;
  }

  static Map<String, String> quarantine(DataSource db) {
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

  static KafkaProducer<String, String> producer(String bootstrap) {
    return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1),
        new StringSerializer(), new StringSerializer());
  }

  static void send(KafkaProducer<String, String> producer, String key, String value) throws Exception {
    producer.send(new ProducerRecord<>(Topics.POS_TRANSACTIONS.name(), key, value)).get();
  }

  static void execute(DataSource db, String sql) throws SQLException {
    try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
