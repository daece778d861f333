package io.suqi.agents.ml.training;

import io.suqi.agents.TenantId;
import io.suqi.agents.ml.registry.ModelRegistry;
import io.suqi.agents.ml.registry.RegisteredModel;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Training in the background, bounded: one job per tenant at a time, on a small fixed pool. The
 * answer to "train …" returns as soon as the job is queued; progress goes to ml.jobs.
 */
public final class TrainingJobs implements AutoCloseable {

  /** What asking to train returns: the job, and whether it is new or the tenant's job already running. */
  public record Started(String jobId, boolean alreadyRunning) {}

  private static final Logger LOG = LoggerFactory.getLogger(TrainingJobs.class);

  private final FeatureReader features;
  private final ModelRegistry registry;
  private final ForecastTrainer trainer;
  private final Function<String[], JobProgress> progressFor;
  private final Clock clock;
  private final ExecutorService pool;
  private final Map<String, String> runningByTenant = new ConcurrentHashMap<>();

  /** @param progressFor (job id, tenant, model name) → where that job reports */
  public TrainingJobs(FeatureReader features, ModelRegistry registry, ForecastTrainer trainer,
      Function<String[], JobProgress> progressFor, Clock clock, int parallelJobs) {
    this.features = features;
    this.registry = registry;
    this.trainer = trainer;
    this.progressFor = progressFor;
    this.clock = clock;
    this.pool = Executors.newFixedThreadPool(parallelJobs, r -> {
      Thread t = new Thread(r, "ml-training");
      t.setDaemon(true);
      return t;
    });
  }

  public Started start(TenantId tenant, String modelName) {
    String jobId = "job-" + UUID.randomUUID();
    String running = runningByTenant.putIfAbsent(tenant.value(), jobId);
    if (running != null) {
      return new Started(running, true);
    }
    JobProgress progress = progressFor.apply(new String[] {jobId, tenant.value(), modelName});
    progress.report("queued", 0, "training " + modelName + " queued");
    try {
      pool.submit(() -> run(jobId, tenant, modelName, progress));
    } catch (RejectedExecutionException e) {
      runningByTenant.remove(tenant.value(), jobId);
      throw new IllegalStateException("the ML agent is stopping; ask again later");
    }
    return new Started(jobId, false);
  }

  public Optional<String> runningJob(TenantId tenant) {
    return Optional.ofNullable(runningByTenant.get(tenant.value()));
  }

  private void run(String jobId, TenantId tenant, String modelName, JobProgress progress) {
    try {
      progress.report("loading", 5, "reading platinum.store_day_features");
      var rows = FeatureReader.completeDays(features.all(tenant), LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
      Optional<RegisteredModel> serving = registry.serving(tenant, modelName);
      TrainingOutcome outcome = trainer.train(rows, serving.map(m -> GradientBoostedTrees.fromBytes(m.artifact())),
          progress);
      progress.report("registering", 92, "recording " + outcome.candidates().size() + " candidates in ml.models");
      int version = registry.nextVersion(tenant, modelName);
      for (TrainingOutcome.Candidate c : outcome.candidates()) {
        // the promoted one goes last, so that it is the newest version
        if (c != outcome.best() || !outcome.promoted()) {
          registry.register(tenant, record(jobId, modelName, version++, c, outcome, "rejected"));
        }
      }
      if (outcome.promoted()) {
        registry.register(tenant, record(jobId, modelName, version, outcome.best(), outcome, "promoted"));
      }
      progress.report("done", 100, String.format(java.util.Locale.ROOT,
          "best candidate MAPE %.2f%% RMSE %.2f; seasonal-naive MAPE %.2f%% RMSE %.2f; %s",
          outcome.best().metrics().mape(), outcome.best().metrics().rmse(), outcome.baseline().mape(),
          outcome.baseline().rmse(), outcome.decision() + (outcome.promoted() ? " (version " + version + ")" : "")));
    } catch (Exception e) {
      LOG.warn("training job {} of tenant {} failed", jobId, tenant, e);
      progress.report("failed", 100, "training failed: " + e.getMessage());
    } finally {
      runningByTenant.remove(tenant.value(), jobId);
    }
  }

  private RegisteredModel record(String jobId, String name, int version, TrainingOutcome.Candidate c,
      TrainingOutcome outcome, String status) {
    return new RegisteredModel(name, version, jobId, c.parameters().asMap(), c.metrics(), outcome.baseline(),
        outcome.split().testFrom(), outcome.split().testTo(), clock.instant(),
        outcome.split().testFrom().minusDays(1), c.model().toBytes(), status, c.decision());
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
