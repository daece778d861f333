package io.suqi.lakehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A runner stopped mid-stream; a new runner on the same checkpoint directory finishes exactly. */
class LakehouseRestartIT {

  private static final Logger LOG = LoggerFactory.getLogger(LakehouseRestartIT.class);

  @RegisterExtension
  static final LakehouseServices services = new LakehouseServices();

  @TempDir
  Path checkpoints;

  @Test
  void aRestartedRunnerResumesFromTheLatestCheckpointWithoutCountingTwice() throws Exception {
    RetailScenario scenario = new RetailScenario(2, 1500, 300);
    List<ProducerRecord<String, String>> records = scenario.records();
    int first = records.size() * 4 / 10;
    int second = records.size() * 7 / 10;
    services.kafka().send(records.subList(0, first));

    Thread sender;
    try (LakehouseRunner runner = new LakehouseRunner(services.config(checkpoints))) {
      runner.start();
      runner.awaitRunning(Duration.ofMinutes(1));
      await().atMost(LakehouseServices.CONVERGENCE)
          .until(() -> runner.latestCheckpoint().isPresent() && services.bronzeTotal() >= first / 2);
      sender = services.sendSlowly(records.subList(first, second));
      await().atMost(LakehouseServices.CONVERGENCE).until(() -> services.bronzeTotal() > first + 100);
      LOG.info("stopping mid-stream: {} of {} records in bronze", services.bronzeTotal(), second);
    }
    sender.join();
    services.kafka().send(records.subList(second, records.size()));

    try (LakehouseRunner runner = new LakehouseRunner(services.config(checkpoints))) {
      long startedAt = System.nanoTime();
      runner.start();
      runner.awaitRunning(Duration.ofMinutes(1));
      LOG.info("restored from {}, running after {} ms", runner.restoredFrom().orElse(null),
          (System.nanoTime() - startedAt) / 1_000_000);
      assertThat(runner.restoredFrom()).isPresent();
      services.awaitExactly(scenario);
    }
  }
}
