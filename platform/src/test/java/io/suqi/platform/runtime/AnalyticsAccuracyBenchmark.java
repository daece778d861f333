package io.suqi.platform.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.suqi.agents.analytics.AnalyticsAnswerer;
import io.suqi.agents.analytics.AnalyticsConfig;
import io.suqi.platform.postgres.ConnectionPool;
import io.suqi.schemas.AgentResult;
import io.suqi.schemas.AgentTask;
import io.suqi.schemas.AgentType;
import io.suqi.schemas.Intent;
import io.suqi.schemas.ResultStatus;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Execution accuracy of the analytics agent on the shipped question → reference SQL pairs
 * ({@code analytics/accuracy-pairs.json}) over the demo data: an answer is correct when its rows
 * equal the reference query's rows (as multisets; columns in any order; numbers to two decimals).
 * The demo data reaches silver and gold the only way it can (loaded into retail.*, captured by
 * Debezium, written by the lakehouse job); the references read retail.* directly, so a pass also
 * says the lakehouse got the figures right. Run explicitly:
 * {@code mvn -B -o -pl platform -am verify -Dtest=AnalyticsAccuracyBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=none}
 * (add {@code -Danalytics.postgres=JDBC_URL} to use a running {@code bin/suqi up --demo} instead of starting one,
 * and {@code -Danalytics.pairs=FILE} to score pairs of your own in the same JSON shape).
 */
class AnalyticsAccuracyBenchmark {

  /** Written with the agent at hand (a development set), and written blind from docs/ANALYTICS.md alone. */
  private static final List<String> PAIR_SETS = List.of("/analytics/accuracy-pairs.json", "/analytics/held-out-pairs.json");

  @Test
  void executionAccuracyOnTheDemoData(@TempDir Path dataDir) throws Exception {
    Optional<String> running = Optional.ofNullable(System.getProperty("analytics.postgres"));
    if (running.isPresent()) {
      try (HikariDataSource db = ConnectionPool.open(running.get(), "bench", 2)) {
        score(db);
      }
      return;
    }
    RuntimeConfig config = RunningSuqi.demoConfig(dataDir, "bench");
    try (SuqiRuntime runtime = new SuqiRuntime(config, m -> System.out.println("[suqi] " + m), Clock.systemUTC())) {
      RuntimeInfo info = runtime.start();
      try (HikariDataSource db = ConnectionPool.open(info.postgres(), "bench", 2)) {
        // the runtime waits for the demo to reach gold before it serves, but starts anyway after a while
        MedallionCaughtUp.await(db, Duration.ofMinutes(10));
        score(db);
      }
    }
  }

  private static void score(HikariDataSource db) throws Exception {
    String own = System.getProperty("analytics.pairs");
    if (own != null) {
      try (InputStream in = Files.newInputStream(Path.of(own).toAbsolutePath())) {
        score(db, own, new ObjectMapper().readTree(in));
      }
      return;
    }
    for (String set : PAIR_SETS) {
      try (InputStream in = AnalyticsAccuracyBenchmark.class.getResourceAsStream(set)) {
        score(db, set, new ObjectMapper().readTree(in));
      }
    }
  }

  private static void score(HikariDataSource db, String set, JsonNode pairs) throws Exception {
    System.out.println("[bench] " + set + ": " + pairs.size() + " pairs");
    AnalyticsAnswerer answerer = new AnalyticsAnswerer(db, Clock.systemUTC(), AnalyticsConfig.defaults());
    int correct = 0;
    Map<String, int[]> byCover = new TreeMap<>();
    List<Long> latencies = new ArrayList<>();
    StringBuilder failures = new StringBuilder();
    for (JsonNode pair : pairs) {
      String id = pair.path("id").asText();
      String question = pair.path("question").asText();
      List<String> expected = rows(db, pair.path("sql").asText());
      long started = System.nanoTime();
      AgentResult result = answerer.handle(task(id, pair.path("tenant").asText(), question));
      latencies.add((System.nanoTime() - started) / 1_000_000);
      List<String> actual = result.getStatus() == ResultStatus.OK ? normalised(result.getAnswer().getRows()) : null;
      boolean ok = expected.equals(actual);
      correct += ok ? 1 : 0;
      pair.path("covers").forEach(c -> {
        int[] counts = byCover.computeIfAbsent(c.asText(), k -> new int[2]);
        counts[0] += ok ? 1 : 0;
        counts[1]++;
      });
      if (!ok) {
        failures.append(String.format(Locale.ROOT, "%s FAIL %s%n  agent: %s %s%n  got %s%n  want %s%n", id, question,
            result.getStatus(), result.getAnswer().getText().replaceAll("\\s+", " "), head(actual), head(expected)));
      }
    }
    latencies.sort(null);
    System.out.print(failures);
    byCover.forEach((cover, counts) -> System.out.printf(Locale.ROOT, "[bench] %-22s %d/%d%n", cover, counts[0], counts[1]));
    System.out.printf(Locale.ROOT, "[bench] " + set + ": execution accuracy %d/%d = %.1f%% | answer latency p50 %d ms, p95 %d ms, max %d ms%n",
        correct, pairs.size(), 100.0 * correct / pairs.size(), latencies.get(latencies.size() / 2),
        latencies.get((int) Math.ceil(latencies.size() * 0.95) - 1), latencies.get(latencies.size() - 1));
  }

  private static AgentTask task(String id, String tenant, String question) {
    return AgentTask.newBuilder().setQueryId("bench-" + id).setTenantId(tenant).setPlatform("bench").setQuestion(question)
        .setIntent(Intent.ANALYTICS).setConfidence(1.0).setAgent(AgentType.ANALYTICS).setStepNumber(1)
        .setIssuedAt(Instant.now().toEpochMilli()).build();
  }

  /** The reference's rows, normalised, as the superuser in UTC (it filters its tenant itself). */
  private static List<String> rows(HikariDataSource db, String sql) throws Exception {
    List<List<String>> rows = new ArrayList<>();
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      c.setReadOnly(true);
      try (Statement s = c.createStatement()) {
        s.execute("SET LOCAL TimeZone = 'UTC'");
        try (ResultSet rs = s.executeQuery(sql)) {
          ResultSetMetaData meta = rs.getMetaData();
          while (rs.next()) {
            List<String> row = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
              int type = meta.getColumnType(i);
              if (type == Types.TIMESTAMP || type == Types.TIMESTAMP_WITH_TIMEZONE) {
                OffsetDateTime value = rs.getObject(i, OffsetDateTime.class);
                row.add(value == null ? null : value.toInstant().toString());
              } else {
                row.add(rs.getString(i));
              }
            }
            rows.add(row);
          }
        }
      } finally {
        c.rollback();
      }
    }
    return normalised(rows);
  }

  /** Each row as its cells sorted (columns in any order), the rows sorted (a multiset). */
  private static List<String> normalised(List<List<String>> rows) {
    List<String> out = new ArrayList<>();
    for (List<String> row : rows) {
      List<String> cells = new ArrayList<>();
      for (String cell : row) {
        cells.add(cell(cell));
      }
      cells.sort(null);
      out.add(String.join(" | ", cells));
    }
    out.sort(null);
    return out;
  }

  private static String cell(String cell) {
    if (cell == null) {
      return "null";
    }
    try {
      return new BigDecimal(cell).setScale(2, RoundingMode.HALF_UP).toPlainString();
    } catch (NumberFormatException notANumber) {
      return cell.endsWith(".000Z") ? cell.replace(".000Z", "Z") : cell;
    }
  }

  private static String head(List<String> rows) {
    if (rows == null) {
      return "(no rows: not answered)";
    }
    return rows.size() + " rows " + rows.subList(0, Math.min(3, rows.size()));
  }
}
