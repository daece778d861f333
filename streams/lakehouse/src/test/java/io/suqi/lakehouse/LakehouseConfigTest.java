package io.suqi.lakehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
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
  }

  @Test
  void neverShowsThePassword() {
    LakehouseConfig config = new LakehouseConfig(KAFKA, JDBC + "?user=app&password=secret", null, "secret2",
        Path.of("c"));

    assertThat(config.toString()).doesNotContain("secret").contains("password=***");
  }
}
