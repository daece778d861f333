package io.suqi.platform.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.suqi.platform.health.ComponentHealth.Status;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthReportTest {

  @Test
  void allUpOrNotDeployedIsOk() {
    HealthReport report = HealthReport.of(List.of(up("kafka"), up("orchestrator"),
        new ComponentHealth("agent.ml", Status.ABSENT, Map.of("deployed", false))));

    assertThat(report.status()).isEqualTo("ok");
    assertThat(report.httpStatus()).isEqualTo(200);
  }

  @Test
  void aDownAgentOrConnectorDegradesButStillServes() {
    HealthReport report = HealthReport.of(List.of(up("kafka"), up("postgres"), up("orchestrator"),
        ComponentHealth.down("agent.analytics", "no members"), up("connector.retail-cdc")));

    assertThat(report.status()).isEqualTo("degraded");
    assertThat(report.httpStatus()).isEqualTo(200);
  }

  @Test
  void aDownOrchestratorKafkaOrPostgresTakesTheInstanceOut() {
    for (String critical : List.of("kafka", "postgres", "orchestrator")) {
      HealthReport report = HealthReport.of(List.of(up("agent.analytics"), ComponentHealth.down(critical, "gone")));

      assertThat(report.status()).as(critical).isEqualTo("down");
      assertThat(report.httpStatus()).as(critical).isEqualTo(503);
    }
  }

  private static ComponentHealth up(String name) {
    return ComponentHealth.up(name, Map.of());
  }
}
