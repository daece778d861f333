package io.suqi.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RuntimeConfigTest {

  private static RuntimeConfig with(int httpPort, Optional<String> postgres, Duration timeout) {
    return new RuntimeConfig(Path.of(".suqi"), 9092, 9093, 55432, httpPort, 8083, "127.0.0.1",
        EnumSet.allOf(Role.class), "host", Optional.empty(), postgres, false, timeout);
  }

  @Test
  void theDefaultsAreTheDocumentedEndpoints() {
    RuntimeConfig config = RuntimeConfig.defaults(Path.of(".suqi"));

    assertThat(config.kafkaPort()).isEqualTo(9092);
    assertThat(config.postgresPort()).isEqualTo(55432);
    assertThat(config.httpPort()).isEqualTo(8080);
    assertThat(config.connectPort()).isEqualTo(8083);
    assertThat(config.askTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.roles()).containsExactlyInAnyOrder(Role.values());
  }

  @Test
  void badSettingsNameTheFlagToFix() {
    assertThatThrownBy(() -> with(70000, Optional.empty(), Duration.ofSeconds(1))).hasMessageContaining("--http-port");
    assertThatThrownBy(() -> with(8080, Optional.of("postgres://x"), Duration.ofSeconds(1)))
        .hasMessageContaining("--postgres must be a JDBC URL");
    assertThatThrownBy(() -> with(8080, Optional.empty(), Duration.ZERO)).hasMessageContaining("--ask-timeout");
  }

  @Test
  void aTakenPortIsOneLineNamingThePortAndTheFlag() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertThatThrownBy(() -> PortGuard.requireFree(taken.getLocalPort(), "HTTP gateway", "--http-port"))
          .hasMessage("port " + taken.getLocalPort() + " (HTTP gateway) is already in use; "
              + "stop what holds it or choose another port with --http-port");
    }
  }
}
