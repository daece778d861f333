package io.suqi.agents.security;

import io.suqi.agents.AgentConfig;
import io.suqi.agents.AgentRunner;
import io.suqi.agents.analytics.AnalyticsConfig;
import io.suqi.schemas.AgentType;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/** The security agent: consumes security tasks and answers them from the orchestration log. */
public final class SecurityAgent implements AutoCloseable {

  private final AgentRunner runner;

  public SecurityAgent(AgentConfig agentConfig, DataSource dataSource, Clock clock, AnalyticsConfig limits) {
    this.runner = new AgentRunner(agentConfig, AgentType.SECURITY, new SecurityAnswerer(dataSource, clock, limits));
  }

  /** When the agent last polled for tasks (its heartbeat). */
  public Optional<Instant> lastHeartbeat() {
    return runner.lastHeartbeat();
  }

  public void start() {
    runner.start();
  }

  /** Idempotent. */
  public void stop() {
    runner.stop();
  }

  @Override
  public void close() {
    stop();
  }
}
