package io.suqi.lakehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.suqi.lakehouse.anomaly.AnomalySettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LakehouseConfigTest {

  private static final String KAFKA = "127.0.0.1:19092";
  private static final String JDBC = "jdbc:postgresql://127.0.0.1:5432/suqi";

  @Test
  void defaultsEverythingButWhereToConnectAndKeepCheckpoints() {
    LakehouseConfig config = new LakehouseConfig(KAFKA, JDBC, "postgres", null, Path.of("data/checkpoints"));

    assertThat(config.checkpointInterval()).isEqualTo(Duration.ofSeconds(2));
    assertThat(config.parallelism()).isEqualTo(1);
    assertThat(config.settings()).isEqualTo(MedallionSettings.DEFAULTS);
    assertThat(config.checkpointDir()).isAbsolute();
    assertThat(config.eventTime()).isEqualTo(EventTimeSettings.DEFAULTS);
    assertThat(config.anomalySettings()).isEqualTo(AnomalySettings.DEFAULTS);
    assertThat(List.of(config.transactionalIdPrefix(), config.metricsTransactionalIdPrefix(),
        config.anomaliesTransactionalIdPrefix())).doesNotHaveDuplicates();
  }

  @Test
  void everyKafkaSinkHasTransactionalIdsOfItsOwn() {
    LakehouseConfig valid = new LakehouseConfig(KAFKA, JDBC, null, null, Path.of("c"));

    assertThatThrownBy(() -> withPrefixes(valid, "suqi", "suqi-metrics", "suqi-anomalies"))
        .hasMessageContaining("must not start with one another");
    assertThatThrownBy(() -> withPrefixes(valid, "a", "b", "b")).hasMessageContaining("must not start with");
    assertThat(withPrefixes(valid, "q", "m", "a").metricsTransactionalIdPrefix()).isEqualTo("m");
  }

  @Test
  void rejectsWhatCannotRun() {
    Path dir = Path.of("checkpoints");
    assertThatThrownBy(() -> new LakehouseConfig(" ", JDBC, null, null, dir))
        .hasMessageContaining("bootstrapServers");
    assertThatThrownBy(() -> new LakehouseConfig(KAFKA, "jdbc:mysql://h/db", null, null, dir))
        .hasMessageContaining("PostgreSQL JDBC URL");
    assertThatThrownBy(() -> new LakehouseConfig(KAFKA, JDBC, null, null, null))
        .hasMessageContaining("checkpointDir");
    LakehouseConfig valid = new LakehouseConfig(KAFKA, JDBC, null, null, dir);
    assertThatThrownBy(() -> valid.withParallelism(0)).hasMessageContaining("parallelism");
    assertThatThrownBy(() -> valid.withCheckpointInterval(Duration.ZERO)).hasMessageContaining("checkpointInterval");
    assertThatThrownBy(() -> new MedallionSettings(Duration.ofDays(-1), Duration.ofMinutes(1), Duration.ofSeconds(1)))
        .hasMessageContaining("txnRetention");
    assertThatThrownBy(() -> new EventTimeSettings(Duration.ofMinutes(1), Duration.ZERO, Duration.ZERO))
        .hasMessageContaining("idleness");
    assertThatThrownBy(() -> new AnomalySettings(4, 6, 4, 5, 7, 3.5)).hasMessageContaining("minBaselineWeeks");
  }

  private static LakehouseConfig withPrefixes(LakehouseConfig config, String quarantine, String metrics,
      String anomalies) {
    return new LakehouseConfig(config.bootstrapServers(), config.jdbcUrl(), null, null, config.checkpointDir(),
        config.checkpointInterval(), config.parallelism(), config.settings(), config.consumerGroupId(), quarantine,
        config.referenceCacheTtl(), config.eventTime(), config.anomalySettings(), metrics, anomalies);
  }

  @Test
  void neverShowsThePassword() {
    LakehouseConfig config = new LakehouseConfig(KAFKA, JDBC + "?user=app&password=secret", null, "secret2",
        Path.of("c"));

    assertThat(config.toString()).doesNotContain("secret").contains("password=***");
  }
}
