package io.suqi.lakehouse;

import io.suqi.lakehouse.anomaly.AnomalySettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How a {@link LakehouseRunner} runs the lakehouse job (medallion layers, real-time metrics and
 * anomaly detection).
 *
 * @param bootstrapServers the Kafka cluster holding the POS and CDC topics and the metrics and
 *     anomalies topics (they must exist)
 * @param jdbcUrl the PostgreSQL database with the retail, bronze, silver and gold schemas
 * @param jdbcUser null when the URL carries it
 * @param jdbcPassword null when the URL carries it or none is needed
 * @param checkpointDir where checkpoints are kept; a new runner on the same directory resumes
 *     from the latest one
 * @param checkpointInterval how often state and Kafka offsets are checkpointed; also how late
 *     the quarantine, metrics and anomalies topics see records (their writes are transactional,
 *     committed per checkpoint)
 * @param parallelism parallel instances of each operator
 * @param consumerGroupId the Kafka consumer group (offsets are committed there for monitoring;
 *     the checkpoint is what restores)
 * @param transactionalIdPrefix prefix of the quarantine producer's transactional ids; unique per
 *     deployment writing the same cluster
 * @param referenceCacheTtl how long a store or product found in retail.* is cached
 * @param eventTime watermarks and allowed lateness of the sale-time analytics
 * @param anomalySettings how store-days are scored
 * @param metricsTransactionalIdPrefix prefix of the real-time metrics producer's transactional ids
 * @param anomaliesTransactionalIdPrefix prefix of the anomalies producer's transactional ids
 */
public record LakehouseConfig(String bootstrapServers, String jdbcUrl, String jdbcUser, String jdbcPassword,
    Path checkpointDir, Duration checkpointInterval, int parallelism, MedallionSettings settings,
    String consumerGroupId, String transactionalIdPrefix, Duration referenceCacheTtl, EventTimeSettings eventTime,
    AnomalySettings anomalySettings, String metricsTransactionalIdPrefix, String anomaliesTransactionalIdPrefix) {

  public static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofSeconds(2);
  public static final String DEFAULT_GROUP_ID = "suqi-lakehouse";
  public static final String DEFAULT_TRANSACTIONAL_ID_PREFIX = "suqi-lakehouse-quarantine";
  public static final String DEFAULT_METRICS_TRANSACTIONAL_ID_PREFIX = "suqi-lakehouse-metrics";
  public static final String DEFAULT_ANOMALIES_TRANSACTIONAL_ID_PREFIX = "suqi-lakehouse-anomalies";
  public static final Duration DEFAULT_REFERENCE_CACHE_TTL = Duration.ofMinutes(5);

  public LakehouseConfig {
    requireText(bootstrapServers, "bootstrapServers");
    requireText(jdbcUrl, "jdbcUrl");
    new PostgresConnection(jdbcUrl, jdbcUser, jdbcPassword);   // validates the URL
    if (checkpointDir == null) {
      throw new IllegalArgumentException("checkpointDir must be set (a directory for the job's checkpoints)");
    }
    MedallionSettings.requirePositive(checkpointInterval, "checkpointInterval");
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be >= 1, was " + parallelism);
    }
    if (settings == null) {
      throw new IllegalArgumentException("settings must be set (MedallionSettings.DEFAULTS for the defaults)");
    }
    requireText(consumerGroupId, "consumerGroupId");
    requireText(transactionalIdPrefix, "transactionalIdPrefix");
    MedallionSettings.requirePositive(referenceCacheTtl, "referenceCacheTtl");
    if (eventTime == null) {
      throw new IllegalArgumentException("eventTime must be set (EventTimeSettings.DEFAULTS for the defaults)");
    }
    if (anomalySettings == null) {
      throw new IllegalArgumentException("anomalySettings must be set (AnomalySettings.DEFAULTS for the defaults)");
    }
    requireText(metricsTransactionalIdPrefix, "metricsTransactionalIdPrefix");
    requireText(anomaliesTransactionalIdPrefix, "anomaliesTransactionalIdPrefix");
    requireDistinctPrefixes(List.of(transactionalIdPrefix, metricsTransactionalIdPrefix,
        anomaliesTransactionalIdPrefix));
    checkpointDir = checkpointDir.toAbsolutePath().normalize();
  }

  /**
   * Where RocksDB keeps the running job's state: beside the checkpoints, not in the temp folder,
   * so it lives on the data directory's disk. Disposable: a restore rebuilds it from a checkpoint.
   */
  public Path stateWorkingDir() {
    return checkpointDir.resolveSibling(checkpointDir.getFileName() + ".rocksdb");
  }

  /** Defaults for everything but where to connect and where to keep checkpoints. */
  public LakehouseConfig(String bootstrapServers, String jdbcUrl, String jdbcUser, String jdbcPassword,
      Path checkpointDir) {
    this(bootstrapServers, jdbcUrl, jdbcUser, jdbcPassword, checkpointDir, DEFAULT_CHECKPOINT_INTERVAL, 1,
        MedallionSettings.DEFAULTS, DEFAULT_GROUP_ID, DEFAULT_TRANSACTIONAL_ID_PREFIX, DEFAULT_REFERENCE_CACHE_TTL,
        EventTimeSettings.DEFAULTS, AnomalySettings.DEFAULTS, DEFAULT_METRICS_TRANSACTIONAL_ID_PREFIX,
        DEFAULT_ANOMALIES_TRANSACTIONAL_ID_PREFIX);
  }

  public PostgresConnection database() {
    return new PostgresConnection(jdbcUrl, jdbcUser, jdbcPassword);
  }

  public LakehouseConfig withCheckpointInterval(Duration interval) {
    return new LakehouseConfig(bootstrapServers, jdbcUrl, jdbcUser, jdbcPassword, checkpointDir, interval,
        parallelism, settings, consumerGroupId, transactionalIdPrefix, referenceCacheTtl, eventTime, anomalySettings,
        metricsTransactionalIdPrefix, anomaliesTransactionalIdPrefix);
  }

  public LakehouseConfig withParallelism(int newParallelism) {
    return new LakehouseConfig(bootstrapServers, jdbcUrl, jdbcUser, jdbcPassword, checkpointDir, checkpointInterval,
        newParallelism, settings, consumerGroupId, transactionalIdPrefix, referenceCacheTtl, eventTime,
        anomalySettings, metricsTransactionalIdPrefix, anomaliesTransactionalIdPrefix);
  }

  public LakehouseConfig withSettings(MedallionSettings newSettings) {
    return new LakehouseConfig(bootstrapServers, jdbcUrl, jdbcUser, jdbcPassword, checkpointDir, checkpointInterval,
        parallelism, newSettings, consumerGroupId, transactionalIdPrefix, referenceCacheTtl, eventTime,
        anomalySettings, metricsTransactionalIdPrefix, anomaliesTransactionalIdPrefix);
  }

  public LakehouseConfig withEventTime(EventTimeSettings newEventTime) {
    return new LakehouseConfig(bootstrapServers, jdbcUrl, jdbcUser, jdbcPassword, checkpointDir, checkpointInterval,
        parallelism, settings, consumerGroupId, transactionalIdPrefix, referenceCacheTtl, newEventTime,
        anomalySettings, metricsTransactionalIdPrefix, anomaliesTransactionalIdPrefix);
  }

  public LakehouseConfig withAnomalySettings(AnomalySettings newAnomalySettings) {
    return new LakehouseConfig(bootstrapServers, jdbcUrl, jdbcUser, jdbcPassword, checkpointDir, checkpointInterval,
        parallelism, settings, consumerGroupId, transactionalIdPrefix, referenceCacheTtl, eventTime,
        newAnomalySettings, metricsTransactionalIdPrefix, anomaliesTransactionalIdPrefix);
  }

  @Override
  public String toString() {
    return "LakehouseConfig[bootstrapServers=" + bootstrapServers + ", database=" + database()
        + ", checkpointDir=" + checkpointDir + ", checkpointInterval=" + checkpointInterval + ", parallelism="
        + parallelism + ", settings=" + settings + ", consumerGroupId=" + consumerGroupId
        + ", transactionalIdPrefix=" + transactionalIdPrefix + ", referenceCacheTtl=" + referenceCacheTtl
        + ", eventTime=" + eventTime + ", anomalySettings=" + anomalySettings + ", metricsTransactionalIdPrefix="
        + metricsTransactionalIdPrefix + ", anomaliesTransactionalIdPrefix=" + anomaliesTransactionalIdPrefix + "]";
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }

  /**
   * Each exactly-once Kafka sink needs transactional ids of its own: one sink recovering would
   * otherwise abort (fence) the other's open transactions. None may even start with another, so
   * that no tool listing transactions by prefix mistakes one sink's for the other's.
   */
  private static void requireDistinctPrefixes(List<String> prefixes) {
    for (int i = 0; i < prefixes.size(); i++) {
      for (int j = 0; j < prefixes.size(); j++) {
        if (i != j && prefixes.get(j).startsWith(prefixes.get(i))) {
          throw new IllegalArgumentException("transactional id prefixes must not start with one another: "
              + prefixes);
        }
      }
    }
  }
}
