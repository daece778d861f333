package io.suqi.lakehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process running the job is killed with SIGKILL mid-stream (no shutdown hook, no cancel, a
 * Kafka transaction left open); a new runner on the same checkpoint directory finishes exactly.
 */
class LakehouseCrashIT {

  private static final Logger LOG = LoggerFactory.getLogger(LakehouseCrashIT.class);

  @RegisterExtension
  static final LakehouseServices services = new LakehouseServices();

  @TempDir
  Path work;

  @Test
  void aRunnerKilledWithSigkillResumesExactlyInTheNextProcess() throws Exception {
    RetailScenario scenario = new RetailScenario(3, 1500, 300);
    List<ProducerRecord<String, String>> records = scenario.records();
    int first = records.size() * 4 / 10;
    int second = records.size() * 7 / 10;
    Path checkpoints = work.resolve("checkpoints");
    services.kafka().send(records.subList(0, first));

    Path log = work.resolve("lakehouse-process.log");
    Process process = startLakehouseProcess(checkpoints, log);
    Thread sender = null;
    try {
      await().atMost(LakehouseServices.CONVERGENCE).until(() -> Files.readString(log).contains("RUNNING"));
      await().atMost(LakehouseServices.CONVERGENCE).until(() ->
          RetainedCheckpoints.latest(checkpoints).isPresent() && services.bronzeTotal() >= first / 2);
      sender = services.sendSlowly(records.subList(first, second));
      await().atMost(LakehouseServices.CONVERGENCE).until(() -> services.bronzeTotal() > first + 100);
    } finally {
      process.destroyForcibly();   // SIGKILL
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    LOG.info("killed mid-stream: {} of {} records in bronze, exit code {}", services.bronzeTotal(), second,
        process.exitValue());
    assertThat(process.exitValue()).isEqualTo(137);
    if (sender != null) {
      sender.join();
    }
    services.kafka().send(records.subList(second, records.size()));

    try (LakehouseRunner runner = new LakehouseRunner(services.config(checkpoints))) {
      runner.start();
      runner.awaitRunning(Duration.ofMinutes(1));
      assertThat(runner.restoredFrom()).isPresent();
      services.awaitExactly(scenario);
    }
  }

  private static Process startLakehouseProcess(Path checkpoints, Path log) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    LakehouseConfig config = services.config(checkpoints);
    return new ProcessBuilder(java, "-Xmx768m", "-cp", classPath, LakehouseProcess.class.getName(),
        config.bootstrapServers(), config.jdbcUrl(), config.jdbcUser(), checkpoints.toString())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .directory(new File(System.getProperty("user.dir")))
        .start();
  }
}
