package io.suqi.platform.health;

import java.util.Map;
import java.util.Objects;

/**
 * One component's health: {@code UP}, {@code DEGRADED} (working, but look at it), {@code DOWN}, or
 * {@code ABSENT} (not deployed here; no reason for alarm).
 *
 * @param detail what the status is based on (state, members, lag, last heartbeat), for people
 */
public record ComponentHealth(String name, Status status, Map<String, Object> detail) {

  public enum Status { UP, DEGRADED, DOWN, ABSENT }

  public ComponentHealth {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
    detail = Map.copyOf(detail);
  }

  public static ComponentHealth up(String name, Map<String, Object> detail) {
    return new ComponentHealth(name, Status.UP, detail);
  }

  public static ComponentHealth down(String name, String why) {
    return new ComponentHealth(name, Status.DOWN, Map.of("error", why));
  }
}
