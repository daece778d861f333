package io.suqi.agents.analytics;

import io.suqi.agents.AgentConfig;
import io.suqi.agents.AgentRunner;
import io.suqi.schemas.AgentType;
import java.time.Clock;
import javax.sql.DataSource;

/** The analytics agent: consumes analytics tasks and answers them from PostgreSQL. */
public final class AnalyticsAgent implements AutoCloseable {

  private final AgentRunner runner;

  public AnalyticsAgent(AgentConfig agentConfig, DataSource dataSource, Clock clock, AnalyticsConfig analyticsConfig) {
    this.runner = new AgentRunner(agentConfig, AgentType.ANALYTICS,
        new AnalyticsAnswerer(dataSource, clock, analyticsConfig));
  }

  /** When the agent last polled for tasks (its heartbeat). */
  public java.util.Optional<java.time.Instant> lastHeartbeat() {
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
