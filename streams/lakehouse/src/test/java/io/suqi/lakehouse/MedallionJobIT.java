package io.suqi.lakehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The medallion job end to end: a real Kafka broker, a real Postgres with the real schema, the
 * job on a Flink MiniCluster through {@link LakehouseRunner}. Gold must equal the aggregate
 * computed independently from the produced data, and platinum must agree with gold and silver.
 */
class MedallionJobIT {

  private static final Logger LOG = LoggerFactory.getLogger(MedallionJobIT.class);

  @RegisterExtension
  static final LakehouseServices services = new LakehouseServices();

  @TempDir
  Path checkpoints;

  @Test
  void goldEqualsTheIndependentAggregateAndBadRecordsAreQuarantined() throws Exception {
    RetailScenario scenario = new RetailScenario(1, 600, 150);
    services.kafka().send(scenario.records());
    LOG.info("produced {} records", scenario.records().size());

    long startedAt = System.nanoTime();
    try (LakehouseRunner runner = new LakehouseRunner(services.config(checkpoints))) {
      runner.start();
      runner.awaitRunning(Duration.ofMinutes(1));
      long runningAt = System.nanoTime();
      LOG.info("medallion job running {} ms after start()", (runningAt - startedAt) / 1_000_000);

      services.awaitExactly(scenario);
      LOG.info("every layer exact on {} records {} ms after running", scenario.records().size(),
          (System.nanoTime() - runningAt) / 1_000_000);
      services.awaitPlatinumExactly();
      LOG.info("platinum agrees with gold and silver {} ms after running", (System.nanoTime() - runningAt) / 1_000_000);

      assertThat(services.database().count(
          "SELECT passed FROM silver.quality_totals WHERE expectation = 'txn_id_not_null'"))
          .isGreaterThan(scenario.liveTransactions());
      assertThat(services.database().rows("SELECT DISTINCT source FROM silver.transactions ORDER BY 1"))
          .containsExactly("cdc", "pos");
      assertThat(runner.latestCheckpoint()).isPresent();
    }
  }
}
