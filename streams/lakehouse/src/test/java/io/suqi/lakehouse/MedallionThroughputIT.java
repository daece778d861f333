package io.suqi.lakehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A larger backlog through every layer: still exact, and how fast (logged). */
class MedallionThroughputIT {

  private static final Logger LOG = LoggerFactory.getLogger(MedallionThroughputIT.class);

  @RegisterExtension
  static final LakehouseServices services = new LakehouseServices();

  @TempDir
  Path checkpoints;

  @Test
  void aBacklogOfTensOfThousandsOfRecordsEndsExact() throws Exception {
    RetailScenario scenario = new RetailScenario(4, 20_000, 2_000);
    long producing = System.nanoTime();
    services.kafka().send(scenario.records());
    int count = scenario.records().size();
    var expectedDaily = scenario.expectedDaily();   // once: recomputing it per poll competes with the job for CPU
    LOG.info("produced {} records in {} ms", count, (System.nanoTime() - producing) / 1_000_000);

    try (LakehouseRunner runner = new LakehouseRunner(services.config(checkpoints))) {
      runner.start();
      runner.awaitRunning(Duration.ofMinutes(1));
      long runningAt = System.nanoTime();
      await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
          .until(() -> services.bronzeTotal() == count);
      long bronzeAt = System.nanoTime();
      await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
          .untilAsserted(() -> assertThat(services.goldDaily()).isEqualTo(expectedDaily));
      long goldAt = System.nanoTime();
      LOG.info("{} records: bronze complete after {} ms, gold exact after {} ms: {} records/s end to end "
          + "(parallelism 2, JDBC sinks, exactly-once checkpoints every 1 s)", count,
          (bronzeAt - runningAt) / 1_000_000, (goldAt - runningAt) / 1_000_000,
          count * 1_000_000_000L / (goldAt - runningAt));
      services.awaitExactly(scenario);
    }
  }
}
