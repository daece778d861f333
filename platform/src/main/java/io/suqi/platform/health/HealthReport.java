package io.suqi.platform.health;

import java.util.List;
import java.util.Set;

/**
 * Every component's health and the overall status a load balancer acts on: {@code down} when a
 * component no question can be answered without (Kafka, PostgreSQL, the orchestrator) is down;
 * {@code degraded} when any other is down or one is degraded (some questions or data may wait);
 * {@code ok} when all are up or not deployed.
 */
public record HealthReport(String status, List<ComponentHealth> components) {

  private static final Set<String> CRITICAL = Set.of("kafka", "postgres", "orchestrator");

  public static HealthReport of(List<ComponentHealth> components) {
    boolean down = components.stream()
        .anyMatch(c -> c.status() == ComponentHealth.Status.DOWN && CRITICAL.contains(c.name()));
    boolean degraded = components.stream().anyMatch(c -> c.status() == ComponentHealth.Status.DOWN
        || c.status() == ComponentHealth.Status.DEGRADED);
    return new HealthReport(down ? "down" : degraded ? "degraded" : "ok", List.copyOf(components));
  }

  /** 503 when down, so a load balancer takes the instance out; 200 otherwise. */
  public int httpStatus() {
    return "down".equals(status) ? 503 : 200;
  }
}
