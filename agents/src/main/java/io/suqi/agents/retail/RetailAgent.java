package io.suqi.agents.retail;

import io.suqi.agents.AgentConfig;
import io.suqi.agents.AgentRunner;
import io.suqi.schemas.AgentType;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/** The retail expert agent: consumes retail tasks and answers them from retail.*. */
public final class RetailAgent implements AutoCloseable {

  private final AgentRunner runner;

  public RetailAgent(AgentConfig agentConfig, DataSource dataSource, Clock clock, RetailConfig config) {
    this.runner = new AgentRunner(agentConfig, AgentType.RETAIL, new RetailAnswerer(dataSource, clock, config),
        config.limits());
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
