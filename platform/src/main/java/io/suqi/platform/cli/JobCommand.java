package io.suqi.platform.cli;

import com.zaxxer.hikari.HikariDataSource;
import io.suqi.platform.runtime.RuntimeConfig;
import io.suqi.platform.runtime.RuntimeInfo;
import io.suqi.schemas.MlJobEvent;
import io.suqi.schemas.Topics;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Follows an ML training job on ml.jobs with a progress bar, then prints its candidates and the decision. */
@Command(name = "job", mixinStandardHelpOptions = true,
    description = "Follow an ML training job (its id from \"train a sales forecast model\") until it is done.")
final class JobCommand implements Callable<Integer> {

  private static final int BAR = 30;

  @Parameters(paramLabel = "JOB_ID", description = "The job id the ML agent answered with.")
  String jobId;

  @Option(names = "--kafka", paramLabel = "HOST:PORT",
      description = "Kafka to read ml.jobs from (default: the running `suqi up` of --data-dir).")
  String kafka;

  @Option(names = "--wait", defaultValue = "PT10M", paramLabel = "DURATION",
      description = "How long to follow the job at most (ISO-8601, default: ${DEFAULT-VALUE}).")
  Duration wait;

  @Mixin
  DataDirOption dataDir;

  @Mixin
  TenantCommand.PostgresOption postgres;

  @Override
  public Integer call() throws Exception {
    String bootstrap = kafka != null ? kafka : dataDir.running().map(RuntimeInfo::kafka)
        .orElse("127.0.0.1:" + RuntimeConfig.DEFAULT_KAFKA_PORT);
    MlJobEvent last = follow(bootstrap);
    System.out.println();
    if (last == null) {
      System.err.println("no events of job " + jobId + " on " + Topics.ML_JOBS.name() + " within " + wait
          + ": check the id, or that `bin/suqi up` runs");
      return 1;
    }
    System.out.println(last.getStage() + ": " + last.getMessage());
    printCandidates();
    return "done".equals(last.getStage()) ? 0 : 1;
  }

  private MlJobEvent follow(String bootstrap) {
    Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    try (KafkaConsumer<String, MlJobEvent> consumer = new KafkaConsumer<>(props,
        Topics.ML_JOBS.keySerde().deserializer(), Topics.ML_JOBS.valueSerde().deserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(Topics.ML_JOBS.name()).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      MlJobEvent last = null;
      Instant until = Instant.now().plus(wait);
      while (Instant.now().isBefore(until)) {
        for (ConsumerRecord<String, MlJobEvent> record : consumer.poll(Duration.ofMillis(200))) {
          if (jobId.equals(record.key())) {
            last = record.value();
            System.out.print("\r" + bar(last.getPercent()) + " " + last.getPercent() + "% " + last.getStage()
                + "                ");
            System.out.flush();
            if ("done".equals(last.getStage()) || "failed".equals(last.getStage())) {
              return last;
            }
          }
        }
      }
      return last;
    }
  }

  private static String bar(int percent) {
    int filled = Math.max(0, Math.min(BAR, percent * BAR / 100));
    return "[" + "#".repeat(filled) + ".".repeat(BAR - filled) + "]";
  }

  private void printCandidates() throws Exception {
    try (HikariDataSource db = postgres.open(dataDir); Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT name, version, status, parameters::text, metrics->>'mape', "
            + "metrics->>'rmse', metrics->>'baseline_mape', metrics->>'baseline_rmse', decision FROM ml.models "
            + "WHERE job_id = ? ORDER BY version")) {
      s.setString(1, jobId);
      try (ResultSet rs = s.executeQuery()) {
        System.out.printf("%-16s %4s %-9s %10s %12s %14s %14s  %s%n", "model", "ver", "status", "mape%", "rmse",
            "baseline_mape%", "baseline_rmse", "parameters / decision");
        while (rs.next()) {
          System.out.printf("%-16s %4d %-9s %10.2f %12.2f %14.2f %14.2f  %s — %s%n", rs.getString(1), rs.getInt(2),
              rs.getString(3), rs.getDouble(5), rs.getDouble(6), rs.getDouble(7), rs.getDouble(8), rs.getString(4),
              rs.getString(9));
        }
      }
    }
  }
}
