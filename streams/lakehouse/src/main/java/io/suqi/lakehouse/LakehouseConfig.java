package io.suqi.lakehouse;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How a {@link LakehouseRunner} runs the medallion job.
 *
 * @param bootstrapServers the Kafka cluster holding the POS and CDC topics (they must exist)
 * @param jdbcUrl the PostgreSQL database with the retail, bronze, silver and gold schemas
 * @param jdbcUser null when the URL carries it
 * @param jdbcPassword null when the URL carries it or none is needed
 * @param checkpointDir where checkpoints are kept; a new runner on the same directory resumes
 *     from the latest one
 * @param checkpointInterval how often state and Kafka offsets are checkpointed; also how late
 *     the quarantine topic sees records (its writes are transactional, committed per checkpoint)
 * @param parallelism parallel instances of each operator
 * @param consumerGroupId the Kafka consumer group (offsets are committed there for monitoring;
 *     the checkpoint is what restores)
 * @param transactionalIdPrefix prefix of the quarantine producer's transactional ids; unique per
 *     deployment writing the same cluster
 * @param referenceCacheTtl how long a store or product found in retail.* is cached
 */
public record LakehouseConfig(String bootstrapServers, String jdbcUrl, String jdbcUser, String jdbcPassword,
    Path checkpointDir, Duration checkpointInterval, int parallelism, MedallionSettings settings,
    String consumerGroupId, String transactionalIdPrefix, Duration referenceCacheTtl) {

  public static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofSeconds(2);
  public static final String DEFAULT_GROUP_ID = "suqi-lakehouse";
  public static final String DEFAULT_TRANSACTIONAL_ID_PREFIX = "suqi-lakehouse-quarantine";
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
    checkpointDir = checkpointDir.toAbsolutePath().normalize();
  }

  /** Defaults for everything but where to connect and where to keep checkpoints. */
  public LakehouseConfig(String bootstrapServers, String jdbcUrl, String jdbcUser, String jdbcPassword,
      Path checkpointDir) {
    this(bootstrapServers, jdbcUrl, jdbcUser, jdbcPassword, checkpointDir, DEFAULT_CHECKPOINT_INTERVAL, 1,
        MedallionSettings.DEFAULTS, DEFAULT_GROUP_ID, DEFAULT_TRANSACTIONAL_ID_PREFIX, DEFAULT_REFERENCE_CACHE_TTL);
  }

  public PostgresConnection database() {
    return new PostgresConnection(jdbcUrl, jdbcUser, jdbcPassword);
  }

  public LakehouseConfig withCheckpointInterval(Duration interval) {
    return new LakehouseConfig(bootstrapServers, jdbcUrl, jdbcUser, jdbcPassword, checkpointDir, interval,
        parallelism, settings, consumerGroupId, transactionalIdPrefix, referenceCacheTtl);
  }

  public LakehouseConfig withParallelism(int newParallelism) {
    return new LakehouseConfig(bootstrapServers, jdbcUrl, jdbcUser, jdbcPassword, checkpointDir, checkpointInterval,
        newParallelism, settings, consumerGroupId, transactionalIdPrefix, referenceCacheTtl);
  }

  public LakehouseConfig withSettings(MedallionSettings newSettings) {
    return new LakehouseConfig(bootstrapServers, jdbcUrl, jdbcUser, jdbcPassword, checkpointDir, checkpointInterval,
        parallelism, newSettings, consumerGroupId, transactionalIdPrefix, referenceCacheTtl);
  }

  @Override
  public String toString() {
    return "LakehouseConfig[bootstrapServers=" + bootstrapServers + ", database=" + database()
        + ", checkpointDir=" + checkpointDir + ", checkpointInterval=" + checkpointInterval + ", parallelism="
        + parallelism + ", settings=" + settings + ", consumerGroupId=" + consumerGroupId
        + ", transactionalIdPrefix=" + transactionalIdPrefix + ", referenceCacheTtl=" + referenceCacheTtl + "]";
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
