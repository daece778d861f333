package io.suqi.agents.ml;

import io.suqi.agents.AgentConfig;
import io.suqi.agents.AgentRunner;
import io.suqi.agents.TaskLimits;
import io.suqi.agents.TenantReadTransaction;
import io.suqi.agents.ml.registry.ModelRegistry;
import io.suqi.agents.ml.registry.TenantWriteTransaction;
import io.suqi.agents.ml.serving.PredictionCache;
import io.suqi.agents.ml.training.FeatureReader;
import io.suqi.agents.ml.training.ForecastTrainer;
import io.suqi.agents.ml.training.JobEvents;
import io.suqi.agents.ml.training.TrainingJobs;
import io.suqi.schemas.AgentType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/** The ML agent: consumes agent.ml.tasks; trains in the background, serves the promoted model. */
public final class MlAgent implements AutoCloseable {

  /** The role the agent switches to: a member of suqi_agent, so row-level security applies to it. */
  public static final String ROLE = "suqi_ml";

  private final AgentRunner runner;
  private final JobEvents events;
  private final TrainingJobs jobs;

  public MlAgent(AgentConfig agentConfig, DataSource dataSource, Clock clock, MlConfig config) {
    TenantReadTransaction reads = new TenantReadTransaction(dataSource, ROLE, config.statementTimeout());
    TenantWriteTransaction writes = new TenantWriteTransaction(dataSource, ROLE, config.statementTimeout());
    ModelRegistry registry = new ModelRegistry(writes);
    FeatureReader features = new FeatureReader(reads);
    this.events = new JobEvents(agentConfig.bootstrapServers(), clock);
    this.jobs = new TrainingJobs(features, registry, new ForecastTrainer(config.testDays(), config.searchLimit(),
        config.seed()), ids -> events.forJob(ids[0], ids[1], ids[2]), clock, config.parallelJobs());
    this.runner = new AgentRunner(agentConfig, AgentType.ML, new MlAnswerer(config, jobs, registry, features,
        new PredictionCache(writes), clock), new TaskLimits(2, Duration.ofSeconds(30)));
  }

  public Optional<Instant> lastHeartbeat() {
    return runner.lastHeartbeat();
  }

  public void start() {
    runner.start();
  }

  public void stop() {
    runner.stop();
    jobs.close();
    events.close();
  }

  @Override
  public void close() {
    stop();
  }
}
