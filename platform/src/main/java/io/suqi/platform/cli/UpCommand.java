package io.suqi.platform.cli;

import io.suqi.orchestrator.classify.IntentModels;
import io.suqi.orchestrator.cost.PriceTable;
import io.suqi.platform.runtime.Role;
import io.suqi.platform.runtime.RuntimeConfig;
import io.suqi.platform.runtime.RuntimeInfo;
import io.suqi.platform.runtime.SuqiRuntime;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "up", mixinStandardHelpOptions = true,
    description = "Run the whole system in this process (embedded Kafka and PostgreSQL unless "
        + "--kafka/--postgres point elsewhere). Ctrl-C or SIGTERM stops it cleanly.")
final class UpCommand implements Callable<Integer> {

  @Mixin
  DataDirOption dataDir;

  @Option(names = "--demo", description = "Also load the demo retail data and documents (once).")
  boolean demo;

  @Option(names = "--kafka", paramLabel = "HOST:PORT", description = "Use this Kafka instead of the embedded broker.")
  String kafka;

  @Option(names = "--postgres", paramLabel = "JDBC_URL",
      description = "Use this PostgreSQL (wal_level=logical) instead of the embedded server.")
  String postgres;

  @Option(names = "--kafka-port", defaultValue = "" + RuntimeConfig.DEFAULT_KAFKA_PORT,
      description = "Embedded Kafka port (default: ${DEFAULT-VALUE}).")
  int kafkaPort;

  @Option(names = "--kafka-controller-port", defaultValue = "" + RuntimeConfig.DEFAULT_KAFKA_CONTROLLER_PORT,
      description = "Embedded Kafka KRaft controller port (default: ${DEFAULT-VALUE}).")
  int kafkaControllerPort;

  @Option(names = "--postgres-port", defaultValue = "" + RuntimeConfig.DEFAULT_POSTGRES_PORT,
      description = "Embedded PostgreSQL port (default: ${DEFAULT-VALUE}).")
  int postgresPort;

  @Option(names = "--http-port", defaultValue = "" + RuntimeConfig.DEFAULT_HTTP_PORT,
      description = "HTTP gateway port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int httpPort;

  @Option(names = "--connect-port", defaultValue = "" + RuntimeConfig.DEFAULT_CONNECT_PORT,
      description = "Kafka Connect REST port (default: ${DEFAULT-VALUE}).")
  int connectPort;

  @Option(names = "--http-host", defaultValue = "127.0.0.1",
      description = "Address the HTTP gateway binds (default: ${DEFAULT-VALUE}; 0.0.0.0 in a container).")
  String httpHost;

  @Option(names = "--roles", split = ",", paramLabel = "ROLE",
      description = "What this process runs, comma-separated: ${COMPLETION-CANDIDATES} (default: all).")
  Set<Role> roles = EnumSet.allOf(Role.class);

  @Option(names = "--instance-id", paramLabel = "NAME",
      description = "Stable name of this process in Kafka consumer groups (default: the host name).")
  String instanceId = RuntimeConfig.defaultInstanceId();

  @Option(names = "--ask-timeout", defaultValue = "10s", paramLabel = "DURATION",
      description = "How long POST /v1/ask waits for an answer, e.g. 10s or 500ms (default: ${DEFAULT-VALUE}).")
  String askTimeout;

  @Option(names = "--prices", paramLabel = "FILE",
      description = "USD per 1,000 tokens per agent for the orchestration log's cost_usd, as a properties file "
          + "(analytics = 0.002, …, default = 0.001); default: the built-in table.")
  Path prices;

  @Option(names = "--intent-models", defaultValue = "hybrid", paramLabel = "MODELS",
      description = "Which models classify questions: hybrid (the TF-IDF terms model, and below its gate a model "
          + "with the question's sentence embedding, ~2 ms) or terms (the terms model alone, ~0.01 ms; less sure of "
          + "unfamiliar wording). Default: ${DEFAULT-VALUE}.")
  IntentModels intentModels;

  @Override
  public Integer call() throws Exception {
    RuntimeConfig config = new RuntimeConfig(dataDir.dataDir, kafkaPort, kafkaControllerPort, postgresPort,
        httpPort, connectPort, httpHost, roles, instanceId, Optional.ofNullable(kafka), Optional.ofNullable(postgres), demo,
        parseDuration(askTimeout), prices == null ? PriceTable.builtIn() : PriceTable.load(prices), intentModels);
    long t0 = System.nanoTime();
    SuqiRuntime runtime = new SuqiRuntime(config, UpCommand::progress, Clock.systemUTC());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      progress("stopping…");
      runtime.close();
      progress("stopped");
      stopped.countDown();
    }, "suqi-shutdown"));
    RuntimeInfo info;
    try {
      info = runtime.start();
    } catch (RuntimeException e) {
      runtime.close();
      throw e;
    }
    progress("ready in %.1f s (data in %s)".formatted((System.nanoTime() - t0) / 1e9, dataDir.directory().root()));
    System.out.println();
    System.out.println("  Kafka       " + info.kafka());
    System.out.println("  PostgreSQL  " + info.postgres());
    System.out.println("  HTTP        " + info.http() + "  (POST /v1/ask, GET /v1/health)");
    System.out.println("  Connect     " + info.connect() + "  (Kafka Connect REST: /connectors)");
    System.out.println();
    System.out.println("  Next: bin/suqi tenant create NAME   then   bin/suqi ask \"top 5 stores by revenue last month\"");
    System.out.println("  Stop: Ctrl-C");
    System.out.flush();
    stopped.await();
    return 0;
  }

  static Duration parseDuration(String text) {
    String t = text.strip().toLowerCase();
    try {
      if (t.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
      }
      if (t.endsWith("s")) {
        return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
      }
      return Duration.parse(text);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("--ask-timeout must look like 10s, 500ms or PT10S, got " + text);
    }
  }

  private static void progress(String message) {
    System.out.println("[" + LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + "] " + message);
    System.out.flush();
  }
}
