package io.suqi.platform.cli;

import com.zaxxer.hikari.HikariDataSource;
import io.suqi.platform.postgres.ConnectionPool;
import io.suqi.platform.runtime.RuntimeInfo;
import io.suqi.schemas.Topics;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The lakehouse's numbers against a running `suqi up --demo`: POS events through bronze → silver →
 * gold, side by side with a plain Kafka consumer reading the same records; and freshness, from a
 * transaction committed in retail.* to the change in gold.sales_daily.
 */
@Command(name = "bench-lakehouse", mixinStandardHelpOptions = true,
    description = "Measure lakehouse throughput (POS → gold vs a plain consumer) and CDC freshness (retail.* → gold).")
final class BenchLakehouseCommand implements Callable<Integer> {

  @Option(names = "--events", defaultValue = "100000", description = "POS events to send (default: ${DEFAULT-VALUE}).")
  int events;

  @Option(names = "--warmup-events", defaultValue = "200000",
      description = "POS events sent and awaited first, not measured: the JIT compiles the pipeline's code while they "
          + "go through (default: ${DEFAULT-VALUE}).")
  int warmupEvents;

  @Option(names = "--rounds", defaultValue = "1",
      description = "Measured rounds of --events each, one after the other (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--freshness-samples", defaultValue = "50",
      description = "Transactions committed one by one for freshness (default: ${DEFAULT-VALUE}).")
  int freshnessSamples;

  @Mixin
  DataDirOption dataDir;

  private final Random random = new Random(11);

  @Override
  public Integer call() throws Exception {
    RuntimeInfo running = dataDir.running().orElseThrow(() -> new IllegalStateException(
        "no running suqi for " + dataDir.directory().root() + "; start `bin/suqi up --demo` first"));
    try (HikariDataSource db = ConnectionPool.open(running.postgres(), "bench", 2)) {
      Catalogue catalogue = Catalogue.of(db);
      if (warmupEvents > 0) {
        System.out.printf("warm-up (not measured): ");
        throughput(running.kafka(), db, catalogue, warmupEvents);
      }
      long measured = 0;
      double seconds = 0;
      double steadySeconds = 0;
      for (int round = 1; round <= rounds; round++) {
        System.out.printf("round %d of %d: ", round, rounds);
        Round result = throughput(running.kafka(), db, catalogue, events);
        measured += result.sales();
        seconds += result.seconds();
        steadySeconds += result.steadyRate() > 0 ? result.sales() / result.steadyRate() : Double.NaN;
      }
      if (rounds > 1) {
        System.out.printf("pipeline, rounds 1-%d together: %,d in %.1f s (%,.0f events/s); steady %,.0f events/s%n",
            rounds, measured, seconds, measured / seconds, measured / steadySeconds);
      }
      freshness(db, catalogue);
    }
    return 0;
  }

  /** Sends {@code sales} sales and waits until silver and gold hold them. */
  private Round throughput(String kafka, DataSource db, Catalogue catalogue, int sales) throws Exception {
    String run = "bench-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    System.out.printf("sending %,d POS events…%n", sales);
    List<Future<RecordMetadata>> sent = new ArrayList<>(sales);
    Instant t0 = Instant.now();
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka, ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.LINGER_MS_CONFIG, 10, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024),
        new StringSerializer(), new StringSerializer())) {
      for (int i = 0; i < sales; i++) {
        String txnId = run + i;
        sent.add(producer.send(new ProducerRecord<>(Topics.POS_TRANSACTIONS.name(), txnId, catalogue.posJson(txnId, random))));
      }
      producer.flush();
    }
    Map<TopicPartition, long[]> ranges = offsetRanges(sent);
    double produceSeconds = secondsSince(t0);
    System.out.printf("produced in %.1f s (%,.0f events/s)%n", produceSeconds, sales / produceSeconds);

    double consumerSeconds = plainConsumer(kafka, ranges);
    System.out.printf("plain consumer: read them in %.1f s (%,.0f events/s)%n", consumerSeconds, sales / consumerSeconds);

    // Polling must not load the database it measures: until every sentinel (a hundredth of the
    // sales, spread over the run) is in silver, each poll is a hundred primary-key lookups; only
    // then is the run counted exactly and gold compared with silver.
    List<String> sentinels = sentinels(run, sales);
    long lastFound = -1;
    Instant lastProgress = Instant.now();
    // The steady rate: from the first poll with at least a tenth of the sentinels in silver to the
    // first with nine tenths, so neither the start nor the last commits' latency is in it.
    long steadyFromFound = -1;
    long steadyToFound = -1;
    double steadyFrom = 0;
    double steadyTo = 0;
    while (true) {
      long found = countPresent(db, sentinels);
      double now = secondsSince(t0);
      if (steadyFromFound < 0 && found * 10 >= sentinels.size()) {
        steadyFromFound = found;
        steadyFrom = now;
      }
      if (steadyToFound < 0 && found * 10 >= sentinels.size() * 9L) {
        steadyToFound = found;
        steadyTo = now;
      }
      if (found == sentinels.size()
          && count(db, "SELECT count(*) FROM silver.transactions WHERE txn_id LIKE ?", run + "%") >= sales
          && goldHas(db, run)) {
        break;
      }
      if (found != lastFound) {
        if (found * 10 / sentinels.size() != lastFound * 10 / sentinels.size()) {
          System.out.printf("  pipeline: about %d %% in silver after %.0f s%n", 100 * found / sentinels.size(), now);
        }
        lastFound = found;
        lastProgress = Instant.now();
      } else if (Duration.between(lastProgress, Instant.now()).toSeconds() > 60) {
        throw new IllegalStateException("the pipeline made no progress for 60 s; see the suqi log");
      }
      // Finer while the steady rate is timed; the checks once every sentinel is in scan silver.
      Thread.sleep(found == sentinels.size() ? 1000 : 250);
    }
    double pipelineSeconds = secondsSince(t0);
    double perSentinel = (double) sales / sentinels.size();
    double steadyRate = steadyTo > steadyFrom ? (steadyToFound - steadyFromFound) * perSentinel / (steadyTo - steadyFrom) : 0;
    System.out.printf("pipeline: all %,d in silver and gold %.1f s after the first send (%,.0f events/s), "
        + "%.1fx the plain consumer's time; steady %,.0f events/s (%d %% → %d %% in silver in %.1f s)%n", sales,
        pipelineSeconds, sales / pipelineSeconds, pipelineSeconds / consumerSeconds, steadyRate,
        100 * steadyFromFound / sentinels.size(), 100 * steadyToFound / sentinels.size(), steadyTo - steadyFrom);
    return new Round(sales, pipelineSeconds, steadyRate);
  }

  /** One measured batch: all of it through silver and gold, and the steady rate in between. */
  private record Round(int sales, double seconds, double steadyRate) {
  }

  private static List<String> sentinels(String run, int sales) {
    int step = Math.max(1, sales / 100);
    List<String> ids = new ArrayList<>();
    for (int i = step - 1; i < sales; i += step) {
      ids.add(run + i);
    }
    if (!ids.contains(run + (sales - 1))) {
      ids.add(run + (sales - 1));
    }
    return ids;
  }

  private static long countPresent(DataSource db, List<String> txnIds) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT count(*) FROM silver.transactions WHERE txn_id = ANY (?)")) {
      s.setArray(1, c.createArrayOf("text", txnIds.toArray()));
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** Gold reflects the run when the day cells of its stores no longer lag silver. */
  private static boolean goldHas(DataSource db, String run) throws SQLException {
    return count(db, """
        SELECT count(*) FROM (
          SELECT t.tenant_id, t.store_id, (t.ts AT TIME ZONE 'UTC')::date AS day, count(*) AS txns
          FROM silver.transactions t WHERE t.status = 'completed' AND t.tenant_id IN
            (SELECT DISTINCT tenant_id FROM silver.transactions WHERE txn_id LIKE ?)
          GROUP BY 1, 2, 3) s
        LEFT JOIN gold.sales_daily g USING (tenant_id, store_id, day)
        WHERE g.txn_count IS DISTINCT FROM s.txns""", run + "%") == 0;
  }

  private static double plainConsumer(String kafka, Map<TopicPartition, long[]> ranges) {
    Instant t0 = Instant.now();
    long read = 0;
    long total = ranges.values().stream().mapToLong(r -> r[1] - r[0] + 1).sum();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
        new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.assign(ranges.keySet());
      ranges.forEach((tp, range) -> consumer.seek(tp, range[0]));
      while (read < total) {
        for (var record : consumer.poll(Duration.ofMillis(500))) {
          long[] range = ranges.get(new TopicPartition(record.topic(), record.partition()));
          if (record.offset() <= range[1]) {
            read++;
          }
        }
      }
    }
    return secondsSince(t0);
  }

  /**
   * Each sample is a sale on a day of its own (a random day in 1990-1999, which no other data
   * uses), so its gold.sales_daily row appears exactly when that sale has gone all the way through.
   */
  private void freshness(DataSource db, Catalogue catalogue) throws Exception {
    System.out.printf("freshness: committing %d transactions in retail.*, one at a time…%n", freshnessSamples);
    List<Long> millis = new ArrayList<>();
    for (int i = 0; i < freshnessSamples; i++) {
      Catalogue.Sale sale = catalogue.sale(random);
      LocalDate day = LocalDate.of(1990, 1, 1).plusDays(random.nextInt(3650));
      Instant committed = insert(db, sale, "fresh-" + UUID.randomUUID(), day);
      while (goldRevenue(db, sale, day).compareTo(sale.revenue()) < 0) {
        if (Duration.between(committed, Instant.now()).toSeconds() > 60) {
          throw new IllegalStateException("a committed transaction did not reach gold.sales_daily in 60 s");
        }
        Thread.sleep(20);
      }
      millis.add(Duration.between(committed, Instant.now()).toMillis());
    }
    Collections.sort(millis);
    System.out.printf("freshness retail.* → gold.sales_daily ms: p50 %d  p95 %d  max %d%n",
        millis.get(millis.size() / 2), millis.get((int) Math.ceil(0.95 * millis.size()) - 1), millis.get(millis.size() - 1));
  }

  private static Instant insert(DataSource db, Catalogue.Sale sale, String txnId, LocalDate day) throws SQLException {
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement t = c.prepareStatement(
              "INSERT INTO retail.transactions VALUES (?, ?, ?, NULL, ?, 'completed', 'card')");
          PreparedStatement i = c.prepareStatement("INSERT INTO retail.transaction_items VALUES (?, 1, ?, ?, ?, 0)")) {
        t.setString(1, txnId);
        t.setString(2, sale.tenant());
        t.setLong(3, sale.store());
        t.setTimestamp(4, Timestamp.from(day.atTime(12, 0).toInstant(ZoneOffset.UTC)));
        t.executeUpdate();
        i.setString(1, txnId);
        i.setLong(2, sale.product());
        i.setInt(3, sale.quantity());
        i.setBigDecimal(4, sale.price());
        i.executeUpdate();
        c.commit();
        return Instant.now();
      }
    }
  }

  private static BigDecimal goldRevenue(DataSource db, Catalogue.Sale sale, LocalDate day) throws SQLException {
    try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
        "SELECT coalesce(sum(revenue), 0) FROM gold.sales_daily WHERE tenant_id = ? AND store_id = ? AND day = ?")) {
      s.setString(1, sale.tenant());
      s.setLong(2, sale.store());
      s.setObject(3, day);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getBigDecimal(1);
      }
    }
  }

  private static Map<TopicPartition, long[]> offsetRanges(List<Future<RecordMetadata>> sent)
      throws InterruptedException, ExecutionException {
    Map<TopicPartition, long[]> ranges = new java.util.HashMap<>();
    for (Future<RecordMetadata> future : sent) {
      RecordMetadata m = future.get();
      ranges.merge(new TopicPartition(m.topic(), m.partition()), new long[] {m.offset(), m.offset()},
          (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
    }
    return ranges;
  }

  private static long count(DataSource db, String sql, String parameter) throws SQLException {
    try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, parameter);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static double secondsSince(Instant t0) {
    return Duration.between(t0, Instant.now()).toMillis() / 1000.0;
  }

  /** Stores and products of one tenant, to make valid sales from. */
  private record Catalogue(String tenant, List<Long> stores, List<Long> products, List<BigDecimal> prices) {

    static Catalogue of(DataSource db) throws SQLException {
      try (Connection c = db.getConnection()) {
        String tenant;
        try (ResultSet rs = c.createStatement().executeQuery("SELECT min(tenant_id) FROM retail.stores")) {
          rs.next();
          tenant = rs.getString(1);
        }
        if (tenant == null) {
          throw new IllegalStateException("no stores in retail.stores; start with `bin/suqi up --demo`");
        }
        List<Long> stores = new ArrayList<>();
        List<Long> products = new ArrayList<>();
        List<BigDecimal> prices = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT store_id FROM retail.stores WHERE tenant_id = ?")) {
          s.setString(1, tenant);
          try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
              stores.add(rs.getLong(1));
            }
          }
        }
        try (PreparedStatement s = c.prepareStatement(
            "SELECT product_id, unit_price FROM retail.products WHERE tenant_id = ?")) {
          s.setString(1, tenant);
          try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
              products.add(rs.getLong(1));
              prices.add(rs.getBigDecimal(2));
            }
          }
        }
        return new Catalogue(tenant, stores, products, prices);
      }
    }

    Sale sale(Random random) {
      int p = random.nextInt(products.size());
      return new Sale(tenant, stores.get(random.nextInt(stores.size())), products.get(p), prices.get(p),
          1 + random.nextInt(4));
    }

    String posJson(String txnId, Random random) {
      Sale sale = sale(random);
      return "{\"txn_id\":\"" + txnId + "\",\"tenant_id\":\"" + tenant + "\",\"store_id\":" + sale.store()
          + ",\"customer_id\":null,\"ts\":\"" + Instant.now() + "\",\"status\":\"completed\",\"payment_method\":\"card\","
          + "\"items\":[{\"line_no\":1,\"product_id\":" + sale.product() + ",\"quantity\":" + sale.quantity()
          + ",\"unit_price\":" + sale.price() + ",\"discount\":0}]}";
    }

    record Sale(String tenant, long store, long product, BigDecimal price, int quantity) {
      BigDecimal revenue() {
        return price.multiply(BigDecimal.valueOf(quantity));
      }
    }
  }
}
