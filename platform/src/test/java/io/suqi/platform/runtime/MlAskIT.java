package io.suqi.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.suqi.platform.cli.SuqiCli;
import io.suqi.platform.tenant.ApiKeys;
import io.suqi.schemas.KeyRole;
import io.suqi.schemas.MlJobEvent;
import io.suqi.schemas.Topics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The ML agent on the embedded runtime: a known weekly-patterned series of two stores goes through
 * CDC and the lakehouse into platinum; asking to train answers at once with a job id, the job's
 * events on ml.jobs run to done, ml.models holds the candidates with the rule's decision, and a
 * forecast for a store comes from the promoted version. Another tenant sees none of it.
 */
class MlAskIT {

  private static final String TENANT = "acme";
  private static final String OTHER = "rival";
  /**
   * Long enough for the trees to learn the weekday through the noise: with 120 days the candidate
   * lost to seasonal-naive on 8 of 20 end dates from 2026-11-25 (the trainer run on this same series
   * outside the runtime); with 240 it won on every end date of 2026 and 2027, by 2.1 points of MAPE at least.
   */
  private static final int DAYS = 240;
  /** Stores of acme whose revenue_lag_1d, summed, is not the revenue of all their days but the last. */
  private static final String LAGS_DISAGREEING = """
      SELECT count(*) FROM (
        SELECT f.store_id, sum(f.revenue_lag_1d) AS lagged,
               sum(f.revenue) FILTER (WHERE f.day < (SELECT max(l.day) FROM platinum.store_day_features l
                                                     WHERE l.tenant_id = f.tenant_id AND l.store_id = f.store_id)) AS before_last
        FROM platinum.store_day_features f WHERE f.tenant_id = 'acme' GROUP BY f.tenant_id, f.store_id) s
      WHERE lagged IS DISTINCT FROM before_last""";

  @TempDir
  Path dataDir;

  @Test
  void trainThenPredictFromThePromotedModelAndAnotherTenantSeesNothing() throws Exception {
    try (RunningSuqi suqi = RunningSuqi.start(dataDir)) {
      LocalDate today = LocalDate.now(ZoneOffset.UTC);
      load(suqi, today.minusDays(DAYS), DAYS);
      ApiKeys keys = new ApiKeys(suqi.db);
      String acme = keys.create(TENANT, "ana", KeyRole.USER);
      String rival = keys.create(OTHER, "rob", KeyRole.USER);
      // A model trained before platinum held the whole revenue saw zeros (MAPE NaN): wait for it,
      // and for lagged values that agree with it.
      RunningSuqi.eventually(Duration.ofMinutes(4), "every sale of acme in platinum, with its lags",
          () -> count(suqi, "SELECT sum(txn_count) FROM platinum.store_day_features WHERE tenant_id = 'acme'") == 2L * DAYS
              && count(suqi, PlatinumRevenue.TENANTS_BEHIND) == 0 && count(suqi, LAGS_DISAGREEING) == 0);

      // When acme asks to train
      JsonNode started = suqi.ask(acme, "Train a sales forecast model");
      assertThat(started.path("agent").asText()).as(started.toString()).isEqualTo("ml");
      assertThat(started.path("status").asText()).isEqualTo("answered");
      String jobId = started.path("answer").path("rows").get(0).get(0).asText();
      assertThat(jobId).startsWith("job-");

      // Then its progress arrives on ml.jobs, ending with done
      List<MlJobEvent> events = jobEvents(suqi, jobId);
      assertThat(events).extracting(MlJobEvent::getStage).startsWith("queued").endsWith("done");
      assertThat(events).extracting(MlJobEvent::getPercent).isSorted();

      // And ml.models holds its candidates with metrics, one promoted by the rule
      List<List<String>> models = suqi.rows("SELECT version::text, status, (metrics->>'mape')::numeric < "
          + "(metrics->>'baseline_mape')::numeric, decision FROM ml.models WHERE tenant_id = 'acme' AND job_id = '"
          + jobId + "' ORDER BY version");
      assertThat(models).isNotEmpty();
      List<List<String>> promoted = models.stream().filter(r -> r.get(1).equals("promoted")).toList();
      assertThat(promoted).as(models.toString()).hasSize(1);
      assertThat(promoted.get(0).get(2)).isEqualTo("t");
      assertThat(promoted.get(0).get(3)).startsWith("promoted");
      String version = promoted.get(0).get(0);

      // And `bin/suqi job JOB_ID` follows the job to done and lists the candidates with the decision
      ByteArrayOutputStream printed = new ByteArrayOutputStream();
      PrintStream stdout = System.out;
      int exit;
      System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
      try {
        exit = new CommandLine(new SuqiCli()).execute("job", jobId, "--kafka", suqi.info.kafka(),
            "--postgres", suqi.info.postgres(), "--wait", "PT1M");
      } finally {
        System.setOut(stdout);
      }
      String followed = printed.toString(StandardCharsets.UTF_8);
      assertThat(exit).as(followed).isZero();
      assertThat(followed).contains("[" + "#".repeat(30) + "] 100% done", "done: ")
          .containsPattern("sales_forecast\\s+" + version + "\\s+promoted");

      // And a forecast for store 1 comes from that version
      JsonNode forecast = suqi.ask(acme, "predict revenue for store 1 for the next 2 weeks");
      assertThat(forecast.path("agent").asText()).as(forecast.toString()).isEqualTo("ml");
      assertThat(forecast.path("answer").path("columns").toString()).contains("day", "predicted_revenue");
      assertThat(forecast.path("answer").path("rows")).hasSize(14);
      assertThat(forecast.path("answer").path("citations").get(0).path("source_id").asText())
          .isEqualTo("model:sales_forecast@v" + version);
      assertThat(count(suqi, "SELECT count(*) FROM ml.predictions WHERE tenant_id = 'acme' AND version = " + version))
          .isEqualTo(14);

      // And the other tenant has no model to answer from
      JsonNode theirs = suqi.ask(rival, "predict revenue for store 1 for the next 2 weeks");
      assertThat(theirs.path("answer").path("rows")).isEmpty();
      assertThat(theirs.path("answer").path("text").asText()).contains("No sales_forecast model");
      assertThat(theirs.toString()).doesNotContain("sales_forecast@v");
    }
  }

  /**
   * Two acme stores and one rival store, one sale a day each: a steady weekly pattern with seeded
   * noise of ±25 %. Seasonal-naive repeats last week's noise, a model that learns the weekday does
   * not, so given {@link #DAYS} of history the candidate beats the baseline on any date the test runs
   * (a trend instead, as this test once had, left it to the date whether trees, which do not
   * extrapolate, won).
   */
  private static void load(RunningSuqi suqi, LocalDate first, int days) throws Exception {
    double[] week = {0.8, 0.9, 1.0, 1.0, 1.2, 1.6, 1.4};
    Random noise = new Random(7);
    try (Connection c = suqi.db.getConnection()) {
      c.setAutoCommit(false);
      c.createStatement().execute("INSERT INTO retail.tenants VALUES ('acme','Acme'),('rival','Rival')");
      c.createStatement().execute("INSERT INTO retail.stores VALUES (1,'acme','S1','north','A',DATE '2020-01-01'),"
          + "(2,'acme','S2','south','B',DATE '2020-01-01'),(3,'rival','S3','south','C',DATE '2020-01-01')");
      c.createStatement().execute("INSERT INTO retail.products VALUES (1,'acme','P1','P1','snacks','x',1.00,0.50),"
          + "(2,'rival','P2','P2','snacks','x',1.00,0.50)");
      try (PreparedStatement txn = c.prepareStatement("INSERT INTO retail.transactions VALUES (?,?,?,NULL,?,'completed','card')");
          PreparedStatement item = c.prepareStatement("INSERT INTO retail.transaction_items VALUES (?,1,?,?,1.00,0)")) {
        for (int store = 1; store <= 3; store++) {
          for (int i = 0; i < days; i++) {
            LocalDate day = first.plusDays(i);
            String id = "ml-" + store + "-" + i;
            txn.setString(1, id);
            txn.setString(2, store == 3 ? OTHER : TENANT);
            txn.setLong(3, store);
            txn.setTimestamp(4, Timestamp.from(day.atTime(12, 0).toInstant(ZoneOffset.UTC)));
            txn.addBatch();
            item.setString(1, id);
            item.setLong(2, store == 3 ? 2 : 1);
            double level = 100 * store * week[day.getDayOfWeek().getValue() - 1];
            item.setInt(3, (int) Math.round(level * (1 + 0.25 * (2 * noise.nextDouble() - 1))));
            item.addBatch();
          }
        }
        txn.executeBatch();
        item.executeBatch();
      }
      c.commit();
    }
  }

  private static List<MlJobEvent> jobEvents(RunningSuqi suqi, String jobId) throws Exception {
    List<MlJobEvent> events = new ArrayList<>();
    try (KafkaConsumer<String, MlJobEvent> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, suqi.info.kafka(), ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
        Topics.ML_JOBS.keySerde().deserializer(), Topics.ML_JOBS.valueSerde().deserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(Topics.ML_JOBS.name()).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
      while (Instant.now().isBefore(deadline)
          && (events.isEmpty() || !List.of("done", "failed").contains(events.get(events.size() - 1).getStage()))) {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> {
          if (jobId.equals(r.key())) {
            events.add(r.value());
          }
        });
      }
    }
    return events;
  }

  private static long count(RunningSuqi suqi, String sql) {
    try (Connection c = suqi.db.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (Exception e) {
      return -1;
    }
  }
}
