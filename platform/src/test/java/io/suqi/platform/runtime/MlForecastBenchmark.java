package io.suqi.platform.runtime;

import io.suqi.agents.ml.training.FeatureReader;
import io.suqi.agents.ml.training.ForecastTrainer;
import io.suqi.agents.ml.training.StoreDay;
import io.suqi.agents.ml.training.TrainingOutcome;
import io.suqi.platform.postgres.ConnectionPool;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Forecast quality on the demo data (DemoDataConfig.defaults()), which reaches platinum the only
 * way it can: the runtime loads it, Debezium captures it, the lakehouse job writes platinum. Then
 * the agent's trainer runs per tenant and prints MAPE and RMSE of the seasonal-naive baseline and of
 * the promoted model on the last 4 weeks. Run explicitly:
 * {@code mvn -B -o -pl platform -am verify -Dtest=MlForecastBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=none}
 * (add {@code -Dml.postgres=JDBC_URL} to train against a running {@code bin/suqi up --demo} instead of starting one).
 */
class MlForecastBenchmark {

  @Test
  void promotedModelAgainstSeasonalNaiveOnTheDemoData(@TempDir Path dataDir) throws Exception {
    Optional<String> running = Optional.ofNullable(System.getProperty("ml.postgres"));
    if (running.isPresent()) {
      try (HikariDataSource db = ConnectionPool.open(running.get(), "bench", 2)) {
        trainPerTenant(db);
      }
      return;
    }
    RuntimeConfig config = RunningSuqi.demoConfig(dataDir, "bench");
    try (SuqiRuntime runtime = new SuqiRuntime(config, m -> System.out.println("[suqi] " + m), Clock.systemUTC())) {
      RuntimeInfo info = runtime.start();
      try (HikariDataSource db = ConnectionPool.open(info.postgres(), "bench", 2)) {
        awaitPlatinum(db);
        trainPerTenant(db);
      }
    }
  }

  /**
   * Platinum is complete when it counts every completed transaction the demo loaded (a pause in its
   * growth is not enough: the history reaches it in bursts, and its test weeks came last) and holds
   * their whole revenue (see PlatinumRevenue).
   */
  private static void awaitPlatinum(HikariDataSource db) throws Exception {
    long expected = count(db, "SELECT count(*) FROM retail.transactions WHERE status = 'completed'");
    long inPlatinum;
    long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
    while ((inPlatinum = count(db, "SELECT coalesce(sum(txn_count), 0) FROM platinum.store_day_features"))
        != expected || expected == 0 || count(db, PlatinumRevenue.TENANTS_BEHIND) != 0) {
      System.out.println("[bench] platinum.store_day_features: " + inPlatinum + " of " + expected
          + " completed transactions");
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("platinum did not reach " + expected + " completed transactions in 20 min ("
            + inPlatinum + "); see the [suqi] lines for the lakehouse job's state");
      }
      Thread.sleep(10_000);
      expected = count(db, "SELECT count(*) FROM retail.transactions WHERE status = 'completed'");
    }
  }

  private static void trainPerTenant(HikariDataSource db) throws Exception {
    for (String tenant : tenants(db)) {
      long started = System.nanoTime();
      TrainingOutcome outcome = new ForecastTrainer(28, 4, 42).train(
          FeatureReader.completeDays(read(db, tenant), LocalDate.now(ZoneOffset.UTC)), Optional.empty(),
          (stage, pct, msg) -> {});
      System.out.printf(Locale.ROOT, "[bench] tenant %s, test %s..%s (%d store-days): seasonal-naive MAPE %.2f%% "
          + "RMSE %.2f | best GBT MAPE %.2f%% RMSE %.2f (%s) | improvement %.1f%% | %s | %d candidates, %.1f s%n",
          tenant, outcome.split().testFrom(), outcome.split().testTo(), outcome.split().test().size(),
          outcome.baseline().mape(), outcome.baseline().rmse(), outcome.best().metrics().mape(),
          outcome.best().metrics().rmse(), outcome.best().parameters(),
          100 * (1 - outcome.best().metrics().mape() / outcome.baseline().mape()), outcome.decision(),
          outcome.candidates().size(), (System.nanoTime() - started) / 1e9);
    }
  }

  private static long count(HikariDataSource db, String sql) throws Exception {
    try (Connection c = db.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static List<String> tenants(HikariDataSource db) throws Exception {
    List<String> tenants = new ArrayList<>();
    try (Connection c = db.getConnection(); ResultSet rs = c.createStatement()
        .executeQuery("SELECT DISTINCT tenant_id FROM platinum.store_day_features ORDER BY 1")) {
      while (rs.next()) {
        tenants.add(rs.getString(1));
      }
    }
    return tenants;
  }

  /** The same columns as the agent's FeatureReader (as the superuser: the benchmark is not a tenant). */
  private static List<StoreDay> read(HikariDataSource db, String tenant) throws Exception {
    List<StoreDay> rows = new ArrayList<>();
    try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
        FeatureReader.SQL)) {
      s.setString(1, tenant);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          rows.add(new StoreDay(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getDouble(3), rs.getDouble(4),
              rs.getDouble(5), rs.getDouble(6), rs.getDouble(7), rs.getDouble(8), rs.getInt(9), rs.getInt(10),
              rs.getBoolean(11)));
        }
      }
    }
    return rows;
  }
}
