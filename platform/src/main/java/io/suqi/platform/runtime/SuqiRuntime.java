package io.suqi.platform.runtime;

import com.zaxxer.hikari.HikariDataSource;
import io.suqi.agents.AgentConfig;
import io.suqi.agents.analytics.AnalyticsAgent;
import io.suqi.agents.analytics.AnalyticsConfig;
import io.suqi.agents.ml.MlAgent;
import io.suqi.agents.ml.MlConfig;
import io.suqi.agents.rag.MiniLmEmbedder;
import io.suqi.agents.rag.RagAgent;
import io.suqi.agents.rag.RagConfig;
import io.suqi.agents.retail.RetailAgent;
import io.suqi.agents.retail.RetailConfig;
import io.suqi.agents.security.SecurityAgent;
import io.suqi.connectors.CdcSource;
import io.suqi.connectors.ConnectWorker;
import io.suqi.connectors.ConnectWorkerConfig;
import io.suqi.connectors.RetailCdc;
import io.suqi.connectors.SqlQuestionsCdc;
import io.suqi.demo.DemoDataConfig;
import io.suqi.demo.DemoDataLoader;
import io.suqi.lakehouse.LakehouseConfig;
import io.suqi.orchestrator.Orchestrator;
import io.suqi.orchestrator.classify.TrainedIntentClassifier;
import io.suqi.orchestrator.OrchestratorConfig;
import io.suqi.orchestrator.log.OrchestrationLogWriter;
import io.suqi.platform.gateway.GatewayConfig;
import io.suqi.platform.gateway.HttpGateway;
import io.suqi.platform.kafka.EmbeddedKafka;
import io.suqi.platform.kafka.TopicProvisioner;
import io.suqi.platform.postgres.ConnectionPool;
import io.suqi.platform.postgres.EmbeddedDatabase;
import io.suqi.platform.postgres.Migrations;
import io.suqi.platform.sqlmode.DatabaseLoopback;
import io.suqi.platform.sqlmode.SqlAnswerWriter;
import io.suqi.platform.health.RuntimeHealth;
import io.suqi.platform.tenant.ApiKeys;
import io.suqi.platform.tenant.TenantAccessPublisher;
import io.suqi.platform.tenant.TenantPolicies;
import io.suqi.schemas.AgentType;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * The whole system in one process: Kafka and PostgreSQL (embedded or external), migrations, the
 * topics, the orchestrator, the analytics, RAG and security agents, the orchestration log writer and the
 * HTTP gateway. Started in dependency order, stopped in reverse.
 */
public final class SuqiRuntime implements AutoCloseable {

  /** How long a start with --demo waits for the demo's history to reach gold before it serves anyway. */
  static final Duration DEMO_CATCH_UP = Duration.ofMinutes(10);

  /** The agents this version ships; questions for others are answered as not deployed. */
  private static final Set<AgentType> DEPLOYED_AGENTS = EnumSet.of(AgentType.ANALYTICS, AgentType.RAG,
      AgentType.RETAIL, AgentType.SECURITY, AgentType.ML);

  private final RuntimeConfig config;
  private final Consumer<String> progress;
  private final Clock clock;
  private final DataDirectory dataDirectory;
  /** What to stop, most recently started first. */
  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private String bootstrapServers;
  private String jdbcUrl;

  public SuqiRuntime(RuntimeConfig config, Consumer<String> progress, Clock clock) {
    this.config = config;
    this.progress = progress;
    this.clock = clock;
    this.dataDirectory = new DataDirectory(config.dataDir());
  }

  public RuntimeInfo start() throws IOException {
    dataDirectory.lock();
    track(dataDirectory);
    EmbeddedDatabase postgres = config.externalPostgres().isPresent() ? null
        : new EmbeddedDatabase(dataDirectory.postgresCluster(), config.postgresPort());
    if (postgres != null) {
      // Before the port check: a SIGKILLed run leaves its server holding the port.
      postgres.stopOrphanedServer();
    }
    checkPorts();
    // Kafka and PostgreSQL do not depend on each other: start them side by side. The intent model
    // trains meanwhile (a few seconds), so the orchestrator does not wait for it later.
    CompletableFuture<String> kafka = CompletableFuture.supplyAsync(this::startKafka);
    // The intent classifier's and the RAG agent's sentence models unpack a tokenizer library: here, not in ~.
    MiniLmEmbedder.useNativeCache(dataDirectory.nativeLibraries());
    if (config.roles().contains(Role.ORCHESTRATOR)) {
      CompletableFuture.runAsync(() -> TrainedIntentClassifier.shipped(config.intentModels()));
    }
    // The embedding model loads meanwhile too (~1.5 s).
    CompletableFuture<MiniLmEmbedder> embedder = config.roles().contains(Role.AGENTS)
        ? CompletableFuture.supplyAsync(() -> MiniLmEmbedder.load(dataDirectory.nativeLibraries())) : null;
    HikariDataSource db = startPostgres(postgres);
    if (config.demo()) {
      loadDemoData(db);
    }
    bootstrapServers = join(kafka);
    List<String> created = TopicProvisioner.ensureTopics(bootstrapServers, (short) 1);
    progress.accept(created.isEmpty() ? "topics: all present" : "topics: created " + created.size());
    publishTenantAccess(db);

    String connect = "-";
    LakehouseSupervisor lakehouse = null;
    Orchestrator orchestrator = null;
    Agents agents = null;
    if (config.roles().contains(Role.CONNECT)) {
      connect = startConnect();
    }
    if (config.roles().contains(Role.LAKEHOUSE)) {
      lakehouse = startLakehouse();
    }
    if (config.roles().contains(Role.ORCHESTRATOR)) {
      orchestrator = startOrchestrator(db);
    }
    if (config.roles().contains(Role.AGENTS)) {
      agents = startAgents(db, join(embedder));
    }
    if (config.demo() && lakehouse != null && !connect.equals("-")) {
      awaitDemoThroughLakehouse(db);
    }
    String http = "-";
    if (config.roles().contains(Role.GATEWAY)) {
      RuntimeHealth health = new RuntimeHealth(bootstrapServers, db,
          connect.equals("-") ? Optional.empty() : Optional.of(connect), DEPLOYED_AGENTS,
          new RuntimeHealth.LocalParts(Optional.ofNullable(orchestrator).map(o -> () -> String.valueOf(o.state())),
              Optional.ofNullable(lakehouse).map(l -> l::status),
              agents == null ? Map.of() : agents.heartbeats(), agents == null ? Map.of() : agents.indexes()));
      track(health);
      HttpGateway gateway = new HttpGateway(new GatewayConfig(config.httpHost(), config.httpPort(), bootstrapServers,
          config.askTimeout(), 32), new ApiKeys(db), health::report);
      gateway.start();
      track(gateway);
      http = "http://" + config.httpHost() + ":" + gateway.port();
      startSqlAnswerWriter(db);
    }

    RuntimeInfo info = new RuntimeInfo(ProcessHandle.current().pid(), bootstrapServers, jdbcUrl, http, connect);
    info.writeTo(dataDirectory.runtimeInfo());
    track(() -> java.nio.file.Files.deleteIfExists(dataDirectory.runtimeInfo()));
    return info;
  }

  /** The gates learn every key and policy from Postgres, also those changed while nothing ran. */
  private void publishTenantAccess(HikariDataSource db) {
    try (TenantAccessPublisher publisher = new TenantAccessPublisher(bootstrapServers)) {
      int sent = publisher.publishAll(new ApiKeys(db), new TenantPolicies(db));
      progress.accept("gates: " + sent + " API keys and tenant policies published");
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("cannot read API keys and tenant policies: " + e.getMessage(), e);
    }
  }

  /** Kafka Connect with the Debezium source over the operational tables; returns its REST URL. */
  private String startConnect() {
    progress.accept("connect: starting the Kafka Connect worker on 127.0.0.1:" + config.connectPort());
    ConnectWorker worker = new ConnectWorker(new ConnectWorkerConfig(bootstrapServers, "127.0.0.1", config.connectPort()));
    worker.start();
    track(worker);
    CdcSource source = CdcSource.fromJdbcUrl(jdbcUrl);
    new RetailCdc(source).registerOn(worker);
    new SqlQuestionsCdc(source).registerOn(worker);
    worker.awaitRunning(RetailCdc.NAME, Duration.ofSeconds(120));
    progress.accept("connect: " + RetailCdc.NAME + " (Debezium, pgoutput) capturing retail.* and kb.documents");
    worker.awaitRunning(SqlQuestionsCdc.NAME, Duration.ofSeconds(120));
    progress.accept("connect: " + SqlQuestionsCdc.NAME + " carrying suqi.outbox (SQL mode) to suqi.queries");
    return worker.config().restUrl();
  }

  /** Answers to questions asked from SQL, written back to suqi.answers; part of answer delivery. */
  private void startSqlAnswerWriter(HikariDataSource db) {
    SqlAnswerWriter answers = new SqlAnswerWriter(bootstrapServers, SqlAnswerWriter.DEFAULT_GROUP_ID,
        Optional.of(config.instanceId()), db);
    answers.start();
    track(answers);
    progress.accept("sql mode: answers to suqi.ask written to suqi.answers");
  }

  /** The Flink medallion job, resumed from its latest checkpoint in the data directory. */
  private LakehouseSupervisor startLakehouse() {
    progress.accept("lakehouse: starting the Flink medallion job");
    LakehouseSupervisor lakehouse = new LakehouseSupervisor(new LakehouseConfig(bootstrapServers, jdbcUrl, null, null,
        dataDirectory.lakehouseCheckpoints()), Duration.ofSeconds(30), progress);
    track(lakehouse);
    progress.accept("lakehouse: running (" + lakehouse.start(Duration.ofSeconds(60)) + ")");
    return lakehouse;
  }

  private Orchestrator startOrchestrator(HikariDataSource db) {
    OrchestrationLogWriter logWriter = new OrchestrationLogWriter(bootstrapServers,
        OrchestrationLogWriter.DEFAULT_GROUP_ID, Optional.of(config.instanceId()), db);
    logWriter.start();
    track(logWriter::stop);
    Orchestrator orchestrator = new Orchestrator(new OrchestratorConfig(OrchestratorConfig.DEFAULT_APPLICATION_ID,
        bootstrapServers, dataDirectory.streamsState(), DEPLOYED_AGENTS, config.prices(), Optional.of(config.instanceId())),
        TrainedIntentClassifier.shipped(config.intentModels()), Clock.systemUTC());
    orchestrator.start();
    track(orchestrator::stop);
    orchestrator.awaitRunning(Duration.ofSeconds(60));
    progress.accept("orchestrator: running");
    return orchestrator;
  }

  private Agents startAgents(HikariDataSource db, MiniLmEmbedder embedder) {
    AnalyticsAgent analytics = new AnalyticsAgent(new AgentConfig(bootstrapServers, "suqi-agent-analytics",
        config.instanceId()), db, clock,
        AnalyticsConfig.defaults());
    analytics.start();
    track(analytics::stop);
    progress.accept("agents: analytics running");
    String indexGroup = "suqi-rag-index-" + config.instanceId();
    RagAgent rag = new RagAgent(new AgentConfig(bootstrapServers, "suqi-agent-rag", config.instanceId()),
        indexGroup, db, embedder, clock, RagConfig.defaults());
    track(rag);
    try {
      int documents = rag.start();
      progress.accept("agents: rag running (" + documents + " knowledge-base documents indexed, " + embedder.model()
          + ")");
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("the RAG agent cannot load its index from kb.chunks: " + e.getMessage(), e);
    }
    SecurityAgent security = new SecurityAgent(new AgentConfig(bootstrapServers, "suqi-agent-security",
        config.instanceId()), db, clock, AnalyticsConfig.defaults());
    security.start();
    track(security::stop);
    progress.accept("agents: security running (admin keys only)");
    RetailAgent retail = new RetailAgent(new AgentConfig(bootstrapServers, "suqi-agent-retail", config.instanceId()),
        db, clock, RetailConfig.defaults());
    retail.start();
    track(retail::stop);
    progress.accept("agents: retail running");
    MlAgent ml = new MlAgent(new AgentConfig(bootstrapServers, "suqi-agent-ml", config.instanceId()), db, clock,
        MlConfig.defaults());
    ml.start();
    track(ml::stop);
    progress.accept("agents: ml running (sales forecast: train, predict, feature importance, health)");
    return new Agents(analytics, rag, security, retail, ml, indexGroup);
  }

  /** The agents this process runs, for their heartbeats in the health report. */
  private record Agents(AnalyticsAgent analytics, RagAgent rag, SecurityAgent security, RetailAgent retail,
      MlAgent ml, String ragIndexGroup) {
    Map<AgentType, java.util.function.Supplier<Optional<java.time.Instant>>> heartbeats() {
      return Map.of(AgentType.ANALYTICS, analytics::lastHeartbeat, AgentType.RAG, rag::lastHeartbeat,
          AgentType.SECURITY, security::lastHeartbeat, AgentType.RETAIL, retail::lastHeartbeat,
          AgentType.ML, ml::lastHeartbeat);
    }

    Map<AgentType, RuntimeHealth.AgentIndex> indexes() {
      return Map.of(AgentType.RAG, new RuntimeHealth.AgentIndex(ragIndexGroup,
          io.suqi.schemas.Topics.CDC_KB_DOCUMENTS.name(), rag::indexHeartbeat));
    }
  }

  private void checkPorts() {
    if (config.externalKafka().isEmpty()) {
      PortGuard.requireFree(config.kafkaPort(), "Kafka", "--kafka-port");
      PortGuard.requireFree(config.kafkaControllerPort(), "Kafka controller", "--kafka-controller-port");
    }
    if (config.externalPostgres().isEmpty()) {
      PortGuard.requireFree(config.postgresPort(), "PostgreSQL", "--postgres-port");
    }
    if (config.roles().contains(Role.GATEWAY) && config.httpPort() != 0) {
      PortGuard.requireFree(config.httpPort(), "HTTP gateway", "--http-port");
    }
    if (config.roles().contains(Role.CONNECT)) {
      PortGuard.requireFree(config.connectPort(), "Kafka Connect REST", "--connect-port");
    }
  }

  private String startKafka() {
    if (config.externalKafka().isPresent()) {
      progress.accept("kafka: using " + config.externalKafka().get());
      return config.externalKafka().get();
    }
    progress.accept("kafka: starting the embedded broker (KRaft) on 127.0.0.1:" + config.kafkaPort());
    EmbeddedKafka broker = new EmbeddedKafka(dataDirectory.kafkaLogs(), config.kafkaPort(),
        config.kafkaControllerPort());
    broker.start();
    track(broker);
    progress.accept("kafka: ready");
    return broker.bootstrapServers();
  }

  private HikariDataSource startPostgres(EmbeddedDatabase postgres) {
    if (postgres == null) {
      jdbcUrl = config.externalPostgres().get();
      progress.accept("postgres: using " + redacted(jdbcUrl));
    } else {
      progress.accept("postgres: starting the embedded server on 127.0.0.1:" + config.postgresPort());
      postgres.start();
      track(postgres);
      jdbcUrl = postgres.jdbcUrl();
    }
    HikariDataSource db = ConnectionPool.open(jdbcUrl, "suqi", 20);
    track(db);
    int applied = Migrations.apply(db);
    progress.accept("postgres: ready (" + (applied == 0 ? "schema up to date" : applied + " migrations applied") + ")");
    progress.accept("sql mode: public.ask_suqi_query commits through dblink to " + DatabaseLoopback.point(db, jdbcUrl));
    return db;
  }

  /** Ready should mean the demo's questions are answered from all of its data (analytics reads gold). */
  private void awaitDemoThroughLakehouse(HikariDataSource db) {
    try {
      if (!DemoCatchUp.await(db, DEMO_CATCH_UP, progress)) {
        progress.accept("demo data: not all in gold after " + DEMO_CATCH_UP.toMinutes() + " min; starting anyway,"
            + " answers fill in as the lakehouse catches up (see GET /v1/health, lakehouse)");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the demo data went through the lakehouse", e);
    }
  }

  private void loadDemoData(HikariDataSource db) {
    var summary = new DemoDataLoader(DemoDataConfig.defaults()).load(db, clock, progress);
    progress.accept("demo data: " + summary);
  }

  private static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  private static String redacted(String url) {
    return url.replaceAll("password=[^&]*", "password=***");
  }

  private void track(AutoCloseable component) {
    synchronized (started) {
      started.push(component);
    }
  }

  /** Stops everything that was started, most recent first; safe to call more than once. */
  @Override
  public void close() {
    synchronized (started) {
      while (!started.isEmpty()) {
        try {
          started.pop().close();
        } catch (Exception e) {
          progress.accept("stop: " + e.getMessage());
        }
      }
    }
  }
}
