package io.suqi.lakehouse.anomaly;

import io.suqi.demo.DemoDataConfig;
import io.suqi.demo.DemoDataLoader;
import io.suqi.lakehouse.EventTimeSettings;
import io.suqi.lakehouse.LakehouseDatabase;
import io.suqi.lakehouse.LakehouseJob;
import io.suqi.lakehouse.MedallionJob;
import io.suqi.lakehouse.MedallionSettings;
import io.suqi.lakehouse.MedallionSinks;
import io.suqi.lakehouse.PosRecordsInMemory;
import io.suqi.lakehouse.PostgresConnection;
import io.suqi.lakehouse.PostgresSinks;
import io.suqi.lakehouse.gold.SalesCell;
import io.suqi.lakehouse.gold.SalesGrain;
import io.suqi.lakehouse.metrics.LateSaleStatement;
import io.suqi.lakehouse.metrics.MetricsSinks;
import io.suqi.lakehouse.metrics.StoreMetricsJob;
import io.suqi.lakehouse.metrics.StoreMinuteStatement;
import io.suqi.lakehouse.platinum.PlatinumJob;
import io.suqi.lakehouse.platinum.PlatinumSettings;
import io.suqi.lakehouse.platinum.PlatinumSinks;
import io.suqi.lakehouse.reference.PostgresReferenceData;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * How well anomaly detection finds the anomalies injected into the demo data set: precision and
 * recall of the detected store-days against demo.injected_anomalies. For each seed: the default
 * demo data set (13 months, 20 stores, 30 injected anomalies) loaded into a fresh Postgres, its
 * transactions replayed as POS records, in sale-time order, through the real lakehouse job
 * (medallion, metrics, anomaly scoring; only the analytics tables are written, the medallion's own
 * outputs are discarded) on a MiniCluster with a bounded input, and the store-days in gold.anomalies
 * compared with the ground truth. The detector never sees the ground truth.
 *
 * <p>Not part of the build (its name matches no test pattern); run it with
 * {@code mvn -B -q -pl streams/lakehouse test -Dtest=AnomalyDetectionBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false [-Dbenchmark.seeds=42,7,1234]}. It prints; it asserts
 * nothing.
 */
@Tag("benchmark")
class AnomalyDetectionBenchmark {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-15T18:00:00Z"), ZoneOffset.UTC);

  private static final String POS_RECORDS = """
      SELECT json_build_object('txn_id', t.txn_id, 'tenant_id', t.tenant_id, 'store_id', t.store_id,
        'customer_id', t.customer_id, 'ts', to_char(t.ts AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
        'status', t.status, 'payment_method', t.payment_method,
        'items', (SELECT json_agg(json_build_object('line_no', i.line_no, 'product_id', i.product_id,
                    'quantity', i.quantity, 'unit_price', i.unit_price, 'discount', i.discount) ORDER BY i.line_no)
                  FROM retail.transaction_items i WHERE i.txn_id = t.txn_id))::text
      FROM retail.transactions t ORDER BY t.ts, t.txn_id
      """;
  private static final String DETECTED = "SELECT DISTINCT store_id, (window_start AT TIME ZONE 'UTC')::date AS day "
      + "FROM gold.anomalies";

  @Test
  void precisionAndRecallAgainstTheInjectedAnomalies() throws Exception {
    long[] seeds = Arrays.stream(System.getProperty("benchmark.seeds", "42").split(","))
        .mapToLong(seed -> Long.parseLong(seed.trim())).toArray();
    long truePositives = 0;
    long detected = 0;
    long injected = 0;
    for (long seed : seeds) {
      try (LakehouseDatabase database = LakehouseDatabase.start()) {
        long started = System.nanoTime();
        new DemoDataLoader(DemoDataConfig.defaults().withSeed(seed)).load(database.dataSource(), CLOCK, line -> {});
        List<String> records = database.rows(POS_RECORDS);
        long loaded = System.nanoTime();
        try (PosRecordsInMemory input = new PosRecordsInMemory(records)) {
          run(database, input);
        }
        long scored = System.nanoTime();
        long hits = database.count("SELECT count(*) FROM (" + DETECTED + ") d JOIN demo.injected_anomalies a "
            + "USING (store_id, day)");
        long found = database.count("SELECT count(*) FROM (" + DETECTED + ") d");
        long truth = database.count("SELECT count(*) FROM demo.injected_anomalies");
        truePositives += hits;
        detected += found;
        injected += truth;
        System.out.printf(Locale.ROOT, "seed %d: %,d POS records (demo load %.1f s, job %.1f s); %d injected, "
                + "%d store-days detected, %d correct: precision %.3f, recall %.3f%n", seed, records.size(),
            seconds(loaded - started), seconds(scored - loaded), truth, found, hits, ratio(hits, found),
            ratio(hits, truth));
        if (Boolean.getBoolean("benchmark.details")) {
          printDetails(database);
        }
        if (Boolean.getBoolean("benchmark.sensitivity")) {
          printSensitivity(database);
        }
      }
    }
    System.out.printf(Locale.ROOT, "ALL %d seeds: precision %.3f (%d/%d), recall %.3f (%d/%d)%n", seeds.length,
        ratio(truePositives, detected), truePositives, detected, ratio(truePositives, injected), truePositives,
        injected);
  }

  /** The real job on the loaded data: POS records in, gold.anomalies (and the minute tables) out. */
  private static void run(LakehouseDatabase database, PosRecordsInMemory input) throws Exception {
    PostgresConnection connection = new PostgresConnection(database.jdbcUrl(), database.user(), null);
    PostgresSinks postgres = new PostgresSinks(connection);
    EnumMap<SalesGrain, Sink<SalesCell>> gold = new EnumMap<>(SalesGrain.class);
    for (SalesGrain grain : SalesGrain.values()) {
      gold.put(grain, new DiscardingSink<>());
    }
    MedallionSinks medallionSinks = new MedallionSinks(new DiscardingSink<>(), new DiscardingSink<>(),
        new DiscardingSink<>(), new DiscardingSink<>(), new DiscardingSink<>(), new DiscardingSink<>(), gold);
    EventTimeSettings eventTime = EventTimeSettings.DEFAULTS;
    MedallionJob medallion = new MedallionJob(input.source(), medallionSinks,
        PostgresReferenceData.source(connection, Duration.ofMinutes(5)), MedallionSettings.DEFAULTS, eventTime);
    StoreMetricsJob metrics = new StoreMetricsJob(new MetricsSinks(new DiscardingSink<>(),
        postgres.writing(new StoreMinuteStatement()), postgres.writing(new LateSaleStatement())),
        eventTime.allowedLateness(), MedallionSettings.DEFAULTS.txnRetention());
    AnomalyJob anomalies = new AnomalyJob(new AnomalySinks(new DiscardingSink<>(),
        postgres.writing(new AnomalyStatement())), settings(), eventTime.allowedLateness());
    Configuration configuration = new Configuration();
    configuration.set(PipelineOptions.GENERIC_TYPES, false);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(configuration);
    env.setParallelism(1);
    PlatinumJob platinum = new PlatinumJob(new PlatinumSinks(new DiscardingSink<>(), new DiscardingSink<>()),
        PlatinumSettings.DEFAULTS, MedallionSettings.DEFAULTS.txnRetention());
    new LakehouseJob(medallion, metrics, anomalies, platinum).attachTo(env);
    env.execute("anomaly-benchmark");
  }

  /**
   * The defaults, or one lower threshold for both metrics (-Dbenchmark.threshold=…) so that
   * -Dbenchmark.sensitivity=true can show what higher ones would give.
   */
  private static AnomalySettings settings() {
    AnomalySettings defaults = AnomalySettings.DEFAULTS;
    String threshold = System.getProperty("benchmark.threshold");
    return threshold == null ? defaults : new AnomalySettings(defaults.baselineWeeks(), defaults.minBaselineWeeks(),
        Double.parseDouble(threshold), Double.parseDouble(threshold), defaults.forgetAfterSilentDays());
  }

  private static void printDetails(LakehouseDatabase database) throws Exception {
    System.out.println("  injected (kind, store, day, baseline, factor) -> detected metrics and scores:");
    for (String row : database.rows("""
        SELECT a.kind, a.store_id, a.day, round(a.baseline_transactions::numeric, 1),
          round(a.volume_factor::numeric, 2),
          coalesce((SELECT string_agg(g.metric || ' ' || round(g.observed::numeric, 1) || ' vs '
              || round(g.expected::numeric, 1) || ' (' || round(g.score::numeric, 1) || ')', ', ')
            FROM gold.anomalies g WHERE g.store_id = a.store_id
              AND (g.window_start AT TIME ZONE 'UTC')::date = a.day), 'MISSED')
        FROM demo.injected_anomalies a ORDER BY a.kind, a.day""")) {
      System.out.println("    " + row);
    }
    System.out.println("  detected but not injected (store, day, metric, observed, expected, score):");
    for (String row : database.rows("""
        SELECT g.store_id, (g.window_start AT TIME ZONE 'UTC')::date, g.metric, round(g.observed::numeric, 1),
          round(g.expected::numeric, 1), round(g.score::numeric, 2)
        FROM gold.anomalies g LEFT JOIN demo.injected_anomalies a
          ON a.store_id = g.store_id AND a.day = (g.window_start AT TIME ZONE 'UTC')::date
        WHERE a.store_id IS NULL ORDER BY 2, 1, 3""")) {
      System.out.println("    " + row);
    }
    System.out.println("  late events: " + database.count("SELECT count(*) FROM gold.late_events")
        + ", minute rows: " + database.count("SELECT count(*) FROM gold.store_minute_metrics"));
  }

  /** Precision and recall had the thresholds been higher (run with a low -Dbenchmark.threshold). */
  private static void printSensitivity(LakehouseDatabase database) throws Exception {
    double[] thresholds = {3.0, 3.5, 4.0, 4.5, 5.0, 5.5, 6.0, 99};
    System.out.println("  count threshold x revenue threshold: precision/recall");
    for (double countThreshold : thresholds) {
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "   %5.1f:", countThreshold));
      for (double revenueThreshold : thresholds) {
        String detected = String.format(Locale.ROOT, "SELECT DISTINCT store_id, "
            + "(window_start AT TIME ZONE 'UTC')::date AS day FROM gold.anomalies "
            + "WHERE (metric = 'txn_count' AND abs(score) >= %f) OR (metric = 'revenue' AND abs(score) >= %f)",
            countThreshold, revenueThreshold);
        long hits = database.count("SELECT count(*) FROM (" + detected + ") d JOIN demo.injected_anomalies a "
            + "USING (store_id, day)");
        long found = database.count("SELECT count(*) FROM (" + detected + ") d");
        long truth = database.count("SELECT count(*) FROM demo.injected_anomalies");
        line.append(String.format(Locale.ROOT, "  %.2f/%.2f", ratio(hits, found), ratio(hits, truth)));
      }
      System.out.println(line);
    }
  }

  private static double ratio(long part, long whole) {
    return whole == 0 ? Double.NaN : (double) part / whole;
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }
}
