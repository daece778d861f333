package io.suqi.connectors;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How to run the in-process Kafka Connect worker.
 *
 * <p>The worker is a single-member distributed worker: connector configs, source offsets and
 * statuses live in the {@code suqi.connect.*} topics of {@code bootstrapServers}, so a restarted
 * worker (same {@code groupId}) resumes its connectors where they stopped, with nothing on disk.
 *
 * @param bootstrapServers the Kafka cluster that holds the worker's state and receives the records
 * @param restHost the address the REST API binds to and advertises (loopback by default)
 * @param restPort the REST API's port (8083, Connect's usual, by default)
 * @param groupId the Connect cluster's group; workers sharing it share connectors
 * @param offsetFlushInterval how often source offsets are committed; Debezium acknowledges WAL to
 *     PostgreSQL (advancing the replication slot) only after such a commit
 * @param startTimeout how long {@link ConnectWorker#start()} waits for the worker to join its group
 */
public record ConnectWorkerConfig(String bootstrapServers, String restHost, int restPort, String groupId,
    Duration offsetFlushInterval, Duration startTimeout) {

  public static final String DEFAULT_REST_HOST = "127.0.0.1";
  public static final int DEFAULT_REST_PORT = 8083;
  public static final String DEFAULT_GROUP_ID = "suqi-connect";

  /** The worker's internal topics; a docker-compose Connect cluster uses the same names. */
  public static final String INTERNAL_TOPIC_PREFIX = "suqi.connect.";
  public static final String CONFIG_TOPIC = INTERNAL_TOPIC_PREFIX + "configs";
  public static final String OFFSET_TOPIC = INTERNAL_TOPIC_PREFIX + "offsets";
  public static final String STATUS_TOPIC = INTERNAL_TOPIC_PREFIX + "status";

  public ConnectWorkerConfig {
    requireText(bootstrapServers, "bootstrapServers (the Kafka cluster, host:port[,host:port])");
    requireText(restHost, "restHost (the address the Connect REST API binds to)");
    if (restPort < 1 || restPort > 65_535) {
      throw new IllegalArgumentException("restPort must be a TCP port in 1..65535, got " + restPort);
    }
    requireText(groupId, "groupId (the Connect cluster's group id)");
    requirePositive(offsetFlushInterval, "offsetFlushInterval");
    requirePositive(startTimeout, "startTimeout");
  }

  /** REST API on 127.0.0.1:8083, group suqi-connect, offsets committed every 10 s, 60 s to start. */
  public ConnectWorkerConfig(String bootstrapServers) {
    this(bootstrapServers, DEFAULT_REST_HOST, DEFAULT_REST_PORT);
  }

  public ConnectWorkerConfig(String bootstrapServers, String restHost, int restPort) {
    this(bootstrapServers, restHost, restPort, DEFAULT_GROUP_ID, Duration.ofSeconds(10), Duration.ofSeconds(60));
  }

  public ConnectWorkerConfig withOffsetFlushInterval(Duration interval) {
    return new ConnectWorkerConfig(bootstrapServers, restHost, restPort, groupId, interval, startTimeout);
  }

  public ConnectWorkerConfig withStartTimeout(Duration timeout) {
    return new ConnectWorkerConfig(bootstrapServers, restHost, restPort, groupId, offsetFlushInterval, timeout);
  }

  /** Where the REST API answers, e.g. http://127.0.0.1:8083/. */
  public String restUrl() {
    return "http://" + restHost + ":" + restPort + "/";
  }

  /** The worker properties, as a connect-distributed.properties file would hold them. */
  public Map<String, String> workerProperties() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("bootstrap.servers", bootstrapServers);
    p.put("group.id", groupId);
    p.put("config.storage.topic", CONFIG_TOPIC);
    p.put("offset.storage.topic", OFFSET_TOPIC);
    p.put("status.storage.topic", STATUS_TOPIC);
    // One broker in the embedded runtime; the worker creates these topics itself (the broker
    // does not auto-create topics).
    p.put("config.storage.replication.factor", "1");
    p.put("offset.storage.replication.factor", "1");
    p.put("status.storage.replication.factor", "1");
    p.put("offset.storage.partitions", "5");
    p.put("status.storage.partitions", "1");
    // The lakehouse reads plain JSON.
    p.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
    p.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
    p.put("key.converter.schemas.enable", "false");
    p.put("value.converter.schemas.enable", "false");
    p.put("listeners", "http://" + restHost + ":" + restPort);
    p.put("rest.advertised.host.name", restHost);
    p.put("rest.advertised.port", Integer.toString(restPort));
    // Plugins are on the classpath with service manifests: loading them through ServiceLoader
    // instead of scanning every class cuts startup from ~11 s to ~2 s and ~1 GB of heap.
    p.put("plugin.discovery", "service_load");
    p.put("offset.flush.interval.ms", Long.toString(offsetFlushInterval.toMillis()));
    // A single member: after a crash, hand the lost connector back at once instead of waiting
    // (by default up to 5 minutes) for the dead member to come back.
    p.put("scheduled.rebalance.max.delay.ms", "0");
    // Connector files may say ${env:NAME} (they do for the database password), as on a real cluster.
    p.put("config.providers", "env");
    p.put("config.providers.env.class", "org.apache.kafka.common.config.provider.EnvVarConfigProvider");
    return p;
  }

  private static void requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " is required");
    }
  }

  private static void requirePositive(Duration value, String what) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(what + " must be a positive duration, got " + value);
    }
  }
}
