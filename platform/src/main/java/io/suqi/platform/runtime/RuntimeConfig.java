package io.suqi.platform.runtime;

import io.suqi.orchestrator.classify.IntentModels;
import io.suqi.orchestrator.cost.PriceTable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * How `suqi up` runs: where its state lives, which ports the embedded services take, and
 * whether Kafka and PostgreSQL are embedded or external. Validated once, at start.
 *
 * @param httpHost address the gateway binds: loopback unless it runs in a container
 * @param roles what this process runs (all of them by default)
 * @param instanceId this process's stable name in Kafka consumer groups (static membership), so
 *     a restart, even after SIGKILL, takes its partitions back without waiting for a timeout
 * @param externalKafka bootstrap servers of an external Kafka; empty runs the embedded broker
 * @param externalPostgres JDBC URL of an external PostgreSQL; empty runs the embedded server
 * @param prices USD per 1,000 tokens of each agent's work, for the orchestration log
 * @param intentModels which models classify questions: both (the default) or the terms model alone,
 *     for traffic where questions per second matter more than unfamiliar wording
 */
public record RuntimeConfig(
    Path dataDir,
    int kafkaPort,
    int kafkaControllerPort,
    int postgresPort,
    int httpPort,
    int connectPort,
    String httpHost,
    Set<Role> roles,
    String instanceId,
    Optional<String> externalKafka,
    Optional<String> externalPostgres,
    boolean demo,
    Duration askTimeout,
    PriceTable prices,
    IntentModels intentModels) {

  public static final int DEFAULT_KAFKA_PORT = 9092;
  public static final int DEFAULT_KAFKA_CONTROLLER_PORT = 9093;
  public static final int DEFAULT_POSTGRES_PORT = 55432;
  public static final int DEFAULT_HTTP_PORT = 8080;
  public static final int DEFAULT_CONNECT_PORT = 8083;
  public static final Duration DEFAULT_ASK_TIMEOUT = Duration.ofSeconds(10);

  public RuntimeConfig {
    requirePort(kafkaPort, "--kafka-port");
    requirePort(kafkaControllerPort, "--kafka-controller-port");
    requirePort(postgresPort, "--postgres-port");
    if (httpPort != 0) { // 0: any free port, reported in runtime.json
      requirePort(httpPort, "--http-port");
    }
    requirePort(connectPort, "--connect-port");
    if (roles.isEmpty()) {
      throw new IllegalArgumentException("--roles needs at least one of " + EnumSet.allOf(Role.class));
    }
    roles = Set.copyOf(roles);
    if (instanceId == null || !instanceId.matches("[A-Za-z0-9._-]{1,100}")) {
      throw new IllegalArgumentException("--instance-id must be 1-100 letters, digits, '.', '_' or '-', got " + instanceId);
    }
    java.util.Objects.requireNonNull(prices, "prices (PriceTable.builtIn() unless --prices names a file)");
    java.util.Objects.requireNonNull(intentModels, "intentModels (--intent-models terms or hybrid)");
    if (askTimeout.isNegative() || askTimeout.isZero()) {
      throw new IllegalArgumentException("--ask-timeout must be positive, got " + askTimeout);
    }
    externalPostgres.ifPresent(url -> {
      if (!url.startsWith("jdbc:postgresql://")) {
        throw new IllegalArgumentException("--postgres must be a JDBC URL like "
            + "jdbc:postgresql://host:5432/suqi?user=suqi&password=..., got " + url);
      }
    });
    externalKafka.ifPresent(servers -> {
      if (servers.isBlank() || !servers.contains(":")) {
        throw new IllegalArgumentException("--kafka must be bootstrap servers like host:9092, got " + servers);
      }
    });
  }

  private static void requirePort(int port, String flag) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException(flag + " must be a port between 1 and 65535, got " + port);
    }
  }

  /** The host name: unique per machine or container, and the same after a restart. */
  public static String defaultInstanceId() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9._-]", "-");
    } catch (java.net.UnknownHostException e) {
      return "suqi";
    }
  }

  /** With both intent models. */
  public RuntimeConfig(Path dataDir, int kafkaPort, int kafkaControllerPort, int postgresPort, int httpPort,
      int connectPort, String httpHost, Set<Role> roles, String instanceId, Optional<String> externalKafka,
      Optional<String> externalPostgres, boolean demo, Duration askTimeout, PriceTable prices) {
    this(dataDir, kafkaPort, kafkaControllerPort, postgresPort, httpPort, connectPort, httpHost, roles, instanceId,
        externalKafka, externalPostgres, demo, askTimeout, prices, IntentModels.HYBRID);
  }

  /** With the built-in price table and both intent models. */
  public RuntimeConfig(Path dataDir, int kafkaPort, int kafkaControllerPort, int postgresPort, int httpPort,
      int connectPort, String httpHost, Set<Role> roles, String instanceId, Optional<String> externalKafka,
      Optional<String> externalPostgres, boolean demo, Duration askTimeout) {
    this(dataDir, kafkaPort, kafkaControllerPort, postgresPort, httpPort, connectPort, httpHost, roles, instanceId,
        externalKafka, externalPostgres, demo, askTimeout, PriceTable.builtIn());
  }

  public static RuntimeConfig defaults(Path dataDir) {
    return new RuntimeConfig(dataDir, DEFAULT_KAFKA_PORT, DEFAULT_KAFKA_CONTROLLER_PORT,
        DEFAULT_POSTGRES_PORT, DEFAULT_HTTP_PORT, DEFAULT_CONNECT_PORT, "127.0.0.1", EnumSet.allOf(Role.class), defaultInstanceId(), Optional.empty(), Optional.empty(), false,
        DEFAULT_ASK_TIMEOUT);
  }
}
