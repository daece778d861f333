package io.suqi.lakehouse;

import io.suqi.lakehouse.anomaly.AnomalyJob;
import io.suqi.lakehouse.anomaly.AnomalySinks;
import io.suqi.lakehouse.anomaly.AnomalyStatement;
import io.suqi.lakehouse.gold.GoldChangeJob;
import io.suqi.lakehouse.gold.SalesCell;
import io.suqi.lakehouse.gold.SalesCellStatement;
import io.suqi.lakehouse.gold.SalesGrain;
import io.suqi.lakehouse.metrics.LateSaleStatement;
import io.suqi.lakehouse.metrics.MetricsSinks;
import io.suqi.lakehouse.metrics.StoreMetricsJob;
import io.suqi.lakehouse.metrics.StoreMinuteStatement;
import io.suqi.lakehouse.platinum.CustomerRfmTable;
import io.suqi.lakehouse.platinum.PlatinumJob;
import io.suqi.lakehouse.platinum.PlatinumSettings;
import io.suqi.lakehouse.platinum.PlatinumSinks;
import io.suqi.lakehouse.platinum.StoreDayFeaturesStatement;
import io.suqi.lakehouse.quality.QualityResultsStatement;
import io.suqi.lakehouse.quality.QuarantineStatement;
import io.suqi.lakehouse.reference.PostgresReferenceData;
import io.suqi.lakehouse.silver.SilverItemsTable;
import io.suqi.lakehouse.silver.SilverTransactionsTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.RecoveryClaimMode;
import org.apache.flink.state.rocksdb.RocksDBConfigurableOptions;
import org.apache.flink.state.rocksdb.RocksDBOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.rocksdb.CompactionStyle;
import org.rocksdb.CompressionType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the lakehouse job (the medallion layers, real-time metrics and anomaly detection, see
 * {@link LakehouseJob}) in this process (a Flink MiniCluster) on the real Kafka topics and
 * Postgres tables, checkpointing exactly-once into the configured directory. Checkpoints are
 * retained when the job is cancelled or the process dies, and {@link #start()} restores from the
 * latest one, so a new runner on the same directory resumes where the previous one stopped.
 * One runner at a time per checkpoint directory.
 */
public final class LakehouseRunner implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LakehouseRunner.class);
  static final String JOB_NAME = "suqi-medallion";
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration STATUS_POLL = Duration.ofMillis(100);

  private final LakehouseConfig config;
  private JobClient job;
  private Optional<Path> restoredFrom = Optional.empty();
  private boolean stopped;

  public LakehouseRunner(LakehouseConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /**
   * The whole job on the real inputs and outputs of {@code config}: the medallion layers with
   * real-time metrics, anomaly detection and the platinum features.
   */
  public static LakehouseJob job(LakehouseConfig config) {
    PostgresSinks postgres = new PostgresSinks(config.database());
    MetricsSinks metrics = new MetricsSinks(KafkaConnections.metricsTopic(config),
        postgres.writing(new StoreMinuteStatement()), postgres.writing(new LateSaleStatement()));
    AnomalySinks anomalies = new AnomalySinks(KafkaConnections.anomaliesTopic(config),
        postgres.writing(new AnomalyStatement()));
    PlatinumSinks platinum = new PlatinumSinks(postgres.writing(new StoreDayFeaturesStatement()),
        postgres.copying(new CustomerRfmTable()));
    Duration lateness = config.eventTime().allowedLateness();
    return new LakehouseJob(medallionJob(config),
        new StoreMetricsJob(metrics, lateness),
        new AnomalyJob(anomalies, config.anomalySettings(), lateness),
        new PlatinumJob(platinum, PlatinumSettings.DEFAULTS),
        new GoldChangeJob(KafkaConnections.goldChangesTopic(config), GoldChangeJob.DEFAULT_INTERVAL));
  }

  /** The medallion layers alone on the real inputs and outputs of {@code config}. */
  public static MedallionJob medallionJob(LakehouseConfig config) {
    PostgresConnection database = config.database();
    PostgresSinks postgres = new PostgresSinks(database);
    Map<SalesGrain, Sink<SalesCell>> gold = new EnumMap<>(SalesGrain.class);
    for (SalesGrain grain : SalesGrain.values()) {
      gold.put(grain, postgres.writing(new SalesCellStatement(grain)));
    }
    MedallionSinks sinks = new MedallionSinks(postgres.bronze(),
        postgres.writing(new QuarantineStatement()), KafkaConnections.quarantineTopic(config),
        postgres.writing(new QualityResultsStatement()), postgres.copying(List.of(new SilverTransactionsTable(), new SilverItemsTable())), gold);
    return new MedallionJob(KafkaConnections.retailInput(config), sinks,
        PostgresReferenceData.source(database, config.referenceCacheTtl()), config.settings(), config.eventTime());
  }

  /**
   * Submits the job (restoring the latest retained checkpoint, if any) and returns once it is
   * submitted; see {@link #awaitRunning}. The input topics must exist.
   */
  public synchronized void start() {
    if (job != null || stopped) {
      throw new IllegalStateException("a runner starts once; create a new one on the same checkpoint directory");
    }
    long startedAt = System.nanoTime();
    try {
      Files.createDirectories(config.checkpointDir());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the checkpoint directory " + config.checkpointDir(), e);
    }
    restoredFrom = RetainedCheckpoints.latest(config.checkpointDir());
    restoredFrom.ifPresent(RetainedCheckpoints::requireRestorable);
    RetainedCheckpoints.pruneEmptyJobDirectories(config.checkpointDir(), restoredFrom);
    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.createLocalEnvironment(config.parallelism(), flinkConfiguration());
    job(config).attachTo(env);
    try {
      job = env.executeAsync(JOB_NAME);
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the medallion job", e);
    }
    LOG.info("medallion job {} submitted in {} ms, {}", job.getJobID(),
        Duration.ofNanos(System.nanoTime() - startedAt).toMillis(),
        restoredFrom.map(path -> "restoring " + path).orElse("with no checkpoint to restore"));
  }

  Configuration flinkConfiguration() {
    Configuration flink = new Configuration();
    flink.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, config.checkpointInterval());
    flink.set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, CheckpointingMode.EXACTLY_ONCE);
    flink.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
        ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
    flink.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
    flink.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, config.checkpointDir().toUri().toString());
    flink.set(CheckpointingOptions.MAX_RETAINED_CHECKPOINTS, 2);
    // Dedupe state grows with every transaction of the retention period: on the heap, every
    // checkpoint rewrote all of it (most of the CPU at a few 100k transactions). RocksDB keeps it
    // off-heap and its incremental checkpoints upload only the files written since the last one.
    flink.set(StateBackendOptions.STATE_BACKEND, "rocksdb");
    flink.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, true);
    flink.set(RocksDBOptions.LOCAL_DIRECTORIES, config.stateWorkingDir().toString());
    // Measured over a million transactions (docs/BENCHMARKS.md): with the defaults the merge step
    // fell to ~2,200 events/s as its state grew, every lookup of a new txn_id searching each
    // small file a checkpoint flushes, and every few checkpoints rewriting the whole first level.
    // Bloom filters let a lookup skip files without the key; universal compaction merges files of
    // similar size instead; 512 MB of managed memory gives the operators' RocksDB instances block
    // cache and write buffers worth the name (Flink's local default is 128 MB for all of them).
    flink.set(RocksDBConfigurableOptions.USE_BLOOM_FILTER, true);
    flink.set(RocksDBConfigurableOptions.COMPACTION_STYLE, CompactionStyle.UNIVERSAL);
    flink.set(RocksDBOptions.OPTIONS_FACTORY, StateCompactionOptions.class.getName());
    flink.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.ofMebiBytes(512));
    // Compressing the files RocksDB flushes and compacts took over half of its CPU (snappy), for
    // state that lives on a local disk: uncompressed, the state and checkpoints take about twice
    // the space (docs/BENCHMARKS.md).
    flink.set(RocksDBConfigurableOptions.COMPRESSION_PER_LEVEL, List.of(CompressionType.NO_COMPRESSION));
    restoredFrom.ifPresent(checkpoint -> {
      flink.set(StateRecoveryOptions.SAVEPOINT_PATH, checkpoint.toUri().toString());
      // Claimed checkpoints are deleted once subsumed, so the directory does not grow per restart.
      flink.set(StateRecoveryOptions.RESTORE_MODE, RecoveryClaimMode.CLAIM);
    });
    // Every type the job moves or keeps has a Flink serializer; a Kryo fallback would be a bug
    // (slow, and fragile across restores), so it fails at submission instead.
    flink.set(PipelineOptions.GENERIC_TYPES, false);
    flink.set(PipelineOptions.OBJECT_REUSE, true);   // as LakehouseJob asks; set here too, where the local cluster reads it
    // A database or broker outage fails tasks; retry with growing pauses rather than give up.
    flink.set(RestartStrategyOptions.RESTART_STRATEGY, "exponential-delay");
    flink.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF, Duration.ofSeconds(1));
    flink.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF, Duration.ofSeconds(30));
    return flink;
  }

  /**
   * Waits until the job is RUNNING.
   *
   * @throws IllegalStateException if it was not started, ended, or is not running in time
   */
  public void awaitRunning(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      JobStatus status = status();
      if (status == JobStatus.RUNNING) {
        return;
      }
      if (status == null || status.isTerminalState()) {
        throw new IllegalStateException("medallion job is not starting: status " + status);
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("medallion job not running after " + timeout + ": status " + status);
      }
      sleep(STATUS_POLL);
    }
  }

  /** The job's status, or null before {@link #start()} or once the job and its cluster are gone. */
  public JobStatus status() {
    JobClient current;
    synchronized (this) {
      current = job;
    }
    if (current == null) {
      return null;
    }
    try {
      return current.getJobStatus().get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (ExecutionException | TimeoutException e) {
      return null;
    }
  }

  /** The checkpoint this runner restored from, if any. */
  public synchronized Optional<Path> restoredFrom() {
    return restoredFrom;
  }

  /** The latest completed checkpoint in the directory (of this run or an earlier one). */
  public Optional<Path> latestCheckpoint() {
    return RetainedCheckpoints.latest(config.checkpointDir());
  }

  /**
   * Cancels the job; its latest checkpoint stays for the next runner. Records processed after that
   * checkpoint are processed again then, which the idempotent sinks absorb. Idempotent.
   */
  public synchronized void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    if (job == null) {
      return;
    }
    try {
      job.cancel().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      // Wait for the end so tasks (and their Kafka and JDBC connections) are closed on return.
      job.getJobExecutionResult().handle((result, failure) -> null)
          .get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("medallion job {} did not cancel cleanly", job.getJobID(), e);
    }
  }

  @Override
  public void close() {
    stop();
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the medallion job", e);
    }
  }
}
