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
import io.suqi.lakehouse.gold.GoldChangeJob;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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
 * <p>Prints, per seed, precision and recall, each missed injection (its kind, factor and the
 * generator's expected transactions) and each false store-day with the observed and expected
 * values and scores of its metrics; then precision and recall per seed and over all seeds. The job
 * records anomalies from half the thresholds (-Dbenchmark.record=0.5) so that a miss shows how
 * close it came; precision and recall count only what the thresholds call an anomaly
 * ({@link AnomalySettings#isAnomalous}).
 *
 * <p>Not part of the build (its name matches no test pattern); run it with
 * {@code mvn -B -q -pl streams/lakehouse test -Dtest=AnomalyDetectionBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false [-Dbenchmark.seeds=42,7,1234]}, optionally with other
 * thresholds (see {@link #settings()}), -Dbenchmark.details=true or -Dbenchmark.sensitivity=true.
 * It prints; it asserts nothing.
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
    AnomalySettings decision = settings();
    double recording = Double.parseDouble(System.getProperty("benchmark.record", "0.5"));
    long truePositives = 0;
    long detected = 0;
    long injected = 0;
    List<String> perSeed = new ArrayList<>();
    for (long seed : seeds) {
      try (LakehouseDatabase database = LakehouseDatabase.start()) {
        long started = System.nanoTime();
        new DemoDataLoader(DemoDataConfig.defaults().withSeed(seed)).load(database.dataSource(), CLOCK, line -> {});
        List<String> records = database.rows(POS_RECORDS);
        long loaded = System.nanoTime();
        try (PosRecordsInMemory input = new PosRecordsInMemory(records)) {
          run(database, input, decision.scaledThresholds(recording));
        }
        long scored = System.nanoTime();
        List<Flag> flags = flags(database, decision);
        Map<String, String> truth = injected(database);
        Set<String> found = new TreeSet<>();
        flags.stream().filter(Flag::anomalous).forEach(flag -> found.add(flag.storeDay()));
        long hits = found.stream().filter(truth::containsKey).count();
        truePositives += hits;
        detected += found.size();
        injected += truth.size();
        System.out.printf(Locale.ROOT, "seed %d: %,d POS records (demo load %.1f s, job %.1f s); %d injected, "
                + "%d store-days detected, %d correct: precision %.3f, recall %.3f%n", seed, records.size(),
            seconds(loaded - started), seconds(scored - loaded), truth.size(), found.size(), hits,
            ratio(hits, found.size()), ratio(hits, truth.size()));
        perSeed.add(String.format(Locale.ROOT, "  seed %6d: precision %.3f (%d/%d), recall %.3f (%d/%d)", seed,
            ratio(hits, found.size()), hits, found.size(), ratio(hits, truth.size()), hits, truth.size()));
        printMistakes(truth, found, flags);
        if (Boolean.getBoolean("benchmark.details")) {
          printDetails(database);
        }
        if (Boolean.getBoolean("benchmark.sensitivity")) {
          printSensitivity(database, decision);
        }
      }
    }
    System.out.println("per seed:");
    perSeed.forEach(System.out::println);
    System.out.printf(Locale.ROOT, "ALL %d seeds: precision %.3f (%d/%d), recall %.3f (%d/%d)%n", seeds.length,
        ratio(truePositives, detected), truePositives, detected, ratio(truePositives, injected), truePositives,
        injected);
  }

  /**
   * A scored metric of a store-day as recorded in gold.anomalies. The job records from a lower
   * threshold than the decision's (-Dbenchmark.record, a factor of the thresholds, 0.5 unless
   * told), so a missed injection still shows how close it came.
   *
   * @param anomalous whether the decision's settings call it an anomaly
   */
  private record Flag(String storeDay, String metric, double observed, double expected, double score,
      boolean anomalous) {

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%s %.1f vs %.1f (%.2f)%s", metric, observed, expected, score,
          anomalous ? "" : " below threshold");
    }
  }

  private static List<Flag> flags(LakehouseDatabase database, AnomalySettings decision) throws Exception {
    List<Flag> flags = new ArrayList<>();
    for (String row : database.rows("SELECT store_id || '@' || (window_start AT TIME ZONE 'UTC')::date, metric, "
        + "observed, expected, score FROM gold.anomalies ORDER BY 1, 2")) {
      String[] columns = row.split("\\|");
      AnomalyMetric metric = AnomalyMetric.valueOf(columns[1].toUpperCase(Locale.ROOT));
      double score = Double.parseDouble(columns[4]);
      flags.add(new Flag(columns[0], columns[1], Double.parseDouble(columns[2]), Double.parseDouble(columns[3]),
          score, decision.isAnomalous(metric, score)));
    }
    return flags;
  }

  /** "store@day" of each injected anomaly -> its kind, factor and the generator's expected transactions. */
  private static Map<String, String> injected(LakehouseDatabase database) throws Exception {
    Map<String, String> truth = new TreeMap<>();
    for (String row : database.rows("SELECT store_id || '@' || day, kind || ' x' || round(volume_factor::numeric, 2) "
        + "|| ' of ' || round(baseline_transactions::numeric, 1) FROM demo.injected_anomalies")) {
      String[] columns = row.split("\\|");
      truth.put(columns[0], columns[1]);
    }
    return truth;
  }

  private static void printMistakes(Map<String, String> truth, Set<String> found, List<Flag> flags) {
    truth.forEach((storeDay, injection) -> {
      if (!found.contains(storeDay)) {
        System.out.println("  missed " + storeDay + " " + injection + ": " + scoresOf(storeDay, flags));
      }
    });
    for (String storeDay : found) {
      if (!truth.containsKey(storeDay)) {
        System.out.println("  false  " + storeDay + ": " + scoresOf(storeDay, flags));
      }
    }
  }

  private static String scoresOf(String storeDay, List<Flag> flags) {
    List<String> scores = flags.stream().filter(flag -> flag.storeDay().equals(storeDay)).map(Flag::toString)
        .toList();
    return scores.isEmpty() ? "no score beyond the recording threshold" : String.join(", ", scores);
  }

  /** The real job on the loaded data: POS records in, gold.anomalies (and the minute tables) out. */
  private static void run(LakehouseDatabase database, PosRecordsInMemory input, AnomalySettings settings)
      throws Exception {
    PostgresConnection connection = new PostgresConnection(database.jdbcUrl(), database.user(), null);
    PostgresSinks postgres = new PostgresSinks(connection);
    EnumMap<SalesGrain, Sink<SalesCell>> gold = new EnumMap<>(SalesGrain.class);
    for (SalesGrain grain : SalesGrain.values()) {
      gold.put(grain, new DiscardingSink<>());
    }
    MedallionSinks medallionSinks = new MedallionSinks(new DiscardingSink<>(), new DiscardingSink<>(),
        new DiscardingSink<>(), new DiscardingSink<>(), new DiscardingSink<>(), gold);
    EventTimeSettings eventTime = EventTimeSettings.DEFAULTS;
    MedallionJob medallion = new MedallionJob(input.source(), medallionSinks,
        PostgresReferenceData.source(connection, Duration.ofMinutes(5)), MedallionSettings.DEFAULTS, eventTime);
    StoreMetricsJob metrics = new StoreMetricsJob(new MetricsSinks(new DiscardingSink<>(),
        postgres.writing(new StoreMinuteStatement()), postgres.writing(new LateSaleStatement())),
        eventTime.allowedLateness());
    AnomalyJob anomalies = new AnomalyJob(new AnomalySinks(new DiscardingSink<>(),
        postgres.writing(new AnomalyStatement())), settings, eventTime.allowedLateness());
    Configuration configuration = new Configuration();
    configuration.set(PipelineOptions.GENERIC_TYPES, false);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(configuration);
    env.setParallelism(1);
    PlatinumJob platinum = new PlatinumJob(new PlatinumSinks(new DiscardingSink<>(), new DiscardingSink<>()),
        PlatinumSettings.DEFAULTS);
    new LakehouseJob(medallion, metrics, anomalies, platinum,
        new GoldChangeJob(new DiscardingSink<>(), GoldChangeJob.DEFAULT_INTERVAL)).attachTo(env);
    env.execute("anomaly-benchmark");
  }

  /**
   * The defaults, or other thresholds: -Dbenchmark.threshold=… for all of them (so that
   * -Dbenchmark.sensitivity=true can show what higher ones would give), or
   * -Dbenchmark.countThreshold, -Dbenchmark.countDropThreshold, -Dbenchmark.revenueThreshold.
   */
  private static AnomalySettings settings() {
    AnomalySettings defaults = AnomalySettings.DEFAULTS;
    String all = System.getProperty("benchmark.threshold");
    return new AnomalySettings(defaults.baselineWeeks(), defaults.minBaselineWeeks(),
        threshold("benchmark.countThreshold", all, defaults.countThreshold()),
        threshold("benchmark.revenueThreshold", all, defaults.revenueThreshold()), defaults.forgetAfterSilentDays(),
        threshold("benchmark.countDropThreshold", all, defaults.countDropThreshold()));
  }

  private static double threshold(String property, String all, double otherwise) {
    String value = System.getProperty(property, all);
    return value == null ? otherwise : Double.parseDouble(value);
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

  /**
   * Precision and recall had the count thresholds been others, revenue's kept (what the job
   * recorded: run with a low -Dbenchmark.record to see lower ones).
   */
  private static void printSensitivity(LakehouseDatabase database, AnomalySettings decision) throws Exception {
    double[] thresholds = {3.0, 3.25, 3.5, 3.75, 4.0, 4.5, 5.0, 99};
    System.out.printf(Locale.ROOT, "  count drop threshold x count spike threshold (revenue %.1f): precision/recall%n",
        decision.revenueThreshold());
    for (double dropThreshold : thresholds) {
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "   %5.2f:", dropThreshold));
      for (double spikeThreshold : thresholds) {
        String detected = String.format(Locale.ROOT, "SELECT DISTINCT store_id, "
            + "(window_start AT TIME ZONE 'UTC')::date AS day FROM gold.anomalies "
            + "WHERE (metric = 'txn_count' AND (score >= %f OR score <= -%f)) "
            + "OR (metric = 'revenue' AND abs(score) >= %f)", spikeThreshold, dropThreshold,
            decision.revenueThreshold());
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
