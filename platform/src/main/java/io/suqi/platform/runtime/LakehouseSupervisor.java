package io.suqi.platform.runtime;

import io.suqi.lakehouse.LakehouseConfig;
import io.suqi.lakehouse.LakehouseRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the in-process medallion job running, as a process manager keeps a Flink TaskManager
 * running in a cluster. Flink restarts failed tasks itself, but some failures take the embedded
 * MiniCluster's only TaskManager down with them (a JDBC sink that cannot flush while PostgreSQL is
 * down fails on close, which Flink treats as fatal); then the job can never run again in that
 * cluster, while the job itself may still report RUNNING with its tasks waiting for slots that
 * will never come. So the supervisor watches progress, not status: a healthy job completes a
 * checkpoint every few seconds. When none has completed for a while, it replaces the runner; the
 * new one resumes from the latest checkpoint, so nothing is lost or counted twice.
 */
final class LakehouseSupervisor implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LakehouseSupervisor.class);
  private static final Duration CHECK_EVERY = Duration.ofSeconds(5);

  private final LakehouseConfig config;
  private final Duration patience;
  private final Consumer<String> progress;
  private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "lakehouse-supervisor");
    thread.setDaemon(true);
    return thread;
  });
  private LakehouseRunner runner;
  private Optional<Path> lastCheckpoint = Optional.empty();
  private Instant lastProgress = Instant.now();

  /** @param patience how long the job may go without completing a checkpoint before it is replaced */
  LakehouseSupervisor(LakehouseConfig config, Duration patience, Consumer<String> progress) {
    this.config = config;
    this.patience = patience;
    this.progress = progress;
  }

  /** Starts the job and waits until it runs; returns the checkpoint it resumed from, if any. */
  synchronized String start(Duration timeout) {
    runner = new LakehouseRunner(config);
    runner.start();
    runner.awaitRunning(timeout);
    lastProgress = Instant.now();
    watchdog.scheduleWithFixedDelay(this::check, CHECK_EVERY.toMillis(), CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    return runner.restoredFrom().map(p -> "resumed from " + p.getFileName()).orElse("first start");
  }

  private synchronized void check() {
    try {
      Optional<Path> checkpoint = runner.latestCheckpoint();
      Instant now = Instant.now();
      if (!checkpoint.equals(lastCheckpoint)) {
        lastCheckpoint = checkpoint;
        lastProgress = now;
      } else if (Duration.between(lastProgress, now).compareTo(patience) > 0) {
        progress.accept("lakehouse: no checkpoint completed for " + patience.toSeconds() + " s (job "
            + runner.status() + "); restarting the job from its latest checkpoint");
        runner.stop();
        runner = new LakehouseRunner(config);
        runner.start();
        lastProgress = now;
      }
    } catch (RuntimeException e) {
      LOG.warn("lakehouse supervision check failed; will try again", e);
    }
  }

  /** The job's status, and how long ago it last completed a checkpoint, for the health report. */
  synchronized Map<String, Object> status() {
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("job_status", runner == null ? "NOT_STARTED" : String.valueOf(runner.status()));
    status.put("last_checkpoint", lastCheckpoint.map(p -> p.getFileName().toString()).orElse("none yet"));
    status.put("seconds_since_progress", Duration.between(lastProgress, Instant.now()).toSeconds());
    status.put("patience_seconds", patience.toSeconds());
    return status;
  }

  @Override
  public synchronized void close() {
    watchdog.shutdownNow();
    if (runner != null) {
      runner.stop();
    }
  }
}
