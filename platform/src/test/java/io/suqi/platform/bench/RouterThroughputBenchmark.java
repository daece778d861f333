package io.suqi.platform.bench;

import io.suqi.orchestrator.Orchestrator;
import io.suqi.orchestrator.OrchestratorConfig;
import io.suqi.orchestrator.OrchestratorTopology;
import io.suqi.orchestrator.cache.CacheSettings;
import io.suqi.orchestrator.classify.IntentModels;
import io.suqi.orchestrator.classify.TrainedIntentClassifier;
import io.suqi.orchestrator.cost.PriceTable;
import io.suqi.orchestrator.gate.GateSettings;
import io.suqi.platform.kafka.EmbeddedKafka;
import io.suqi.platform.kafka.TopicProvisioner;
import io.suqi.schemas.AgentType;
import io.suqi.schemas.ApiKey;
import io.suqi.schemas.KeyRole;
import io.suqi.schemas.Question;
import io.suqi.schemas.TenantPartitioner;
import io.suqi.schemas.Topics;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Router throughput (issue 4): questions per second through classify + gate + cache + fan-out
 * with exactly_once_v2 — the router application exactly as the Orchestrator service runs it — side
 * by side in the same run with two pass-through Kafka Streams topologies (same broker, same input,
 * the router's own Streams settings): one copies the records' bytes, the other reads each question
 * with its serde and writes it again. The ratios are the cost of routing. Then the whole service,
 * the assembler alongside, for the rate at which questions are also registered and their routing
 * steps logged and streamed.
 *
 * <p>Not part of the build: {@code mvn -B -q -pl platform test -Dtest=RouterThroughputBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false [-Dbenchmark.questions=200000] [-Dbenchmark.rounds=2]
 * [-Dbenchmark.withAssembler=true|false] [-Dbenchmark.keyless=false|true]
 * [-Dbenchmark.intentModels=hybrid|terms] [-Dbenchmark.newShapes=false|true] [-Dbenchmark.stages=none|all|pending]
 * [-Dbenchmark.pendingStore=cached|direct|memory]}: each
 * round runs each topology over the whole input as a new application; the last round's ratios count,
 * the rounds before it warm the JIT (in a fresh JVM the router's first 200,000 questions ran with the
 * compiler threads taking most of a core). Every question is
 * distinct (no cache hit) and limits are lifted; each carries its tenant's admin key, as questions over
 * HTTP carry a key, so every question is classified, gated, looked up in the cache and fanned out to
 * its agent's task topic ({@code keyless}: no keys, and the security template's questions are turned
 * away by the role gate and answered at once instead). The questions follow five templates that
 * differ by a number, so the classifier's memo knows each template after its first question; with
 * {@code newShapes} every question also ends in a word of its own ("… ref bcd"), so every one is
 * classified afresh, as traffic of unfamiliar questions would be. With {@code stages}, each round
 * also runs the router cut down to its first stages ({@link StagedRouter}), to show what each costs;
 * {@code pendingStore} picks how those stages store the pending question. Each run also prints the
 * CPU the process spent per question over the same 10 %→90 % window, by kind of thread
 * ({@link CpuTime}): the broker runs in this process too, so that is the whole machine's budget.
 */
@Tag("benchmark")
class RouterThroughputBenchmark {

  private static final String PASS_THROUGH_TOPIC = "bench.pass-through";
  private static final int TENANTS = 16;
  private static final String TYPED_PASS_THROUGH_TOPIC = "bench.typed-pass-through";
  private static final GateSettings UNLIMITED =
      new GateSettings(Integer.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE);

  @Test
  void routerAgainstPassThrough(@TempDir Path dir) throws Exception {   // JUnit deletes it: a run leaves 1–3 GB
    int questions = Integer.getInteger("benchmark.questions", 200_000);
    try (EmbeddedKafka kafka = new EmbeddedKafka(dir.resolve("kafka"), freePort(), freePort())) {
      kafka.start();
      String bootstrap = kafka.bootstrapServers();
      TopicProvisioner.ensureTopics(bootstrap, (short) 1);
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
        admin.createTopics(List.of(new NewTopic(PASS_THROUGH_TOPIC, Topics.QUERIES.partitions(), (short) 1),
            new NewTopic(TYPED_PASS_THROUGH_TOPIC, Topics.QUERIES.partitions(), (short) 1))).all().get();
      }
      System.out.printf("machine: %d cores, %s; %,d questions on %s (%d partitions)%n",
          Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), questions,
          Topics.QUERIES.name(), Topics.QUERIES.partitions());
      boolean newShapes = Boolean.getBoolean("benchmark.newShapes");
      produce(bootstrap, questions, newShapes);
      IntentModels models = IntentModels.valueOf(
          System.getProperty("benchmark.intentModels", "hybrid").toUpperCase(Locale.ROOT));
      TrainedIntentClassifier classifier = TrainedIntentClassifier.shipped(models);   // trained before timing
      System.out.printf("intent models: %s; %s%n", models.flagValue(), newShapes
          ? "every question of a new shape (classified afresh)" : "five templates differing by a number (memo hits)");

      int rounds = Integer.getInteger("benchmark.rounds", 2);
      for (int round = 1; round <= rounds; round++) {
        System.out.printf("round %d of %d%s%n", round, rounds,
            round < rounds ? " (warms the JIT: the router's code is compiled while it runs)" : "");
        double[] rates = round(questions, bootstrap, dir.resolve("round-" + round), classifier);
        System.out.printf("round %d: router / pass-through: %.3f; router / typed pass-through: %.3f%n", round,
            rates[2] / rates[0], rates[2] / rates[1]);
      }
    }
  }

  /** One run of each topology over the whole input, each as a new application: pass-through, typed, router. */
  private static double[] round(int questions, String bootstrap, Path dir, TrainedIntentClassifier classifier)
      throws Exception {
    String passThroughId = "bench-pass-through-" + UUID.randomUUID();
    double passThrough = run("pass-through", questions, bootstrap, passThroughId, List.of(PASS_THROUGH_TOPIC), () -> {
      Topology topology = new Topology();
      topology.addSource("in", Topics.QUERIES.name());
      topology.addSink("out", PASS_THROUGH_TOPIC, "in");
      return startStreams(topology, bootstrap, dir, passThroughId);
    });
    String typedId = "bench-typed-pass-through-" + UUID.randomUUID();
    double typed = run("typed pass-through", questions, bootstrap, typedId, List.of(TYPED_PASS_THROUGH_TOPIC), () -> {
      StreamsBuilder builder = new StreamsBuilder();
      builder.stream(Topics.QUERIES.name(), Consumed.with(Topics.QUERIES.keySerde(), Topics.QUERIES.valueSerde()))
          .to(TYPED_PASS_THROUGH_TOPIC, Produced.with(Topics.QUERIES.keySerde(), Topics.QUERIES.valueSerde()));
      return startStreams(builder.build(), bootstrap, dir, typedId);
    });
    String routerId = "bench-router-" + UUID.randomUUID();
    List<String> answers = new ArrayList<>(taskTopics());
    answers.add(Topics.RESPONSES.name());   // a question answered without an agent
    double router = run("router", questions, bootstrap, routerId, answers, () -> {
      // The router application exactly as the Orchestrator service runs it.
      OrchestratorConfig config = orchestratorConfig(routerId, bootstrap, dir);
      KafkaStreams streams = new KafkaStreams(OrchestratorTopology.router(config, classifier, Clock.systemUTC()),
          withOverrides(Orchestrator.streamsProperties(config)));
      streams.start();
      return streams::close;
    });
    if (Boolean.parseBoolean(System.getProperty("benchmark.withAssembler", "true"))) {
      // The whole service, the assembler alongside on the same two cores: a question counts once the
      // assembler has taken its task and streamed its routing steps.
      String orchestratorId = "bench-orchestrator-" + UUID.randomUUID();
      double whole = run("router + assembler", questions, bootstrap, orchestratorId,
          List.of(Topics.RESPONSE_STEPS.name()), () -> {
            Orchestrator orchestrator = new Orchestrator(orchestratorConfig(orchestratorId, bootstrap, dir), classifier,
                Clock.systemUTC());
            orchestrator.start();
            return orchestrator::stop;
          });
      System.out.printf("router + assembler / pass-through: %.3f; / typed pass-through: %.3f%n", whole / passThrough,
          whole / typed);
    }
    String stages = System.getProperty("benchmark.stages", "none");
    if (!stages.equals("none")) {
      List<StagedRouter.Stage> run = stages.equals("pending") ? List.of(StagedRouter.Stage.PENDING)
          : List.of(StagedRouter.Stage.values());
      for (StagedRouter.Stage stage : run) {
        stagedRun(stage, 0, questions, bootstrap, dir, classifier, passThrough, typed);
      }
      if (stages.equals("all")) {
        // Kafka Streams' default (0) makes a task look at each empty input partition before every record.
        stagedRun(StagedRouter.Stage.GATE_AND_CACHE, -1, questions, bootstrap, dir, classifier, passThrough, typed);
      }
    }
    return new double[] {passThrough, typed, router};
  }

  /** One run of the router cut down to {@code stage} ({@link StagedRouter}), with the given max.task.idle.ms. */
  private static void stagedRun(StagedRouter.Stage stage, long maxTaskIdleMs, int questions, String bootstrap,
      Path dir, TrainedIntentClassifier classifier, double passThrough, double typed) throws Exception {
    String id = "bench-stage-" + stage.name().toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID();
    String name = "stage " + stage.label() + (maxTaskIdleMs == 0 ? "" : " idle " + maxTaskIdleMs);
    double rate = run(name, questions, bootstrap, id, taskTopics(), () -> {
      // Run as the orchestrator runs.
      Properties properties = Orchestrator.streamsProperties(new OrchestratorConfig(id, bootstrap, dir.resolve(id),
          EnumSet.allOf(AgentType.class), PriceTable.free(), Optional.empty()));
      properties.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, maxTaskIdleMs);
      withOverrides(properties);
      KafkaStreams streams = new KafkaStreams(StagedRouter.build(stage,
          System.getProperty("benchmark.pendingStore", "cached"), classifier, UNLIMITED, Clock.systemUTC()),
          properties);
      streams.start();
      return streams::close;
    });
    System.out.printf("%s / pass-through: %.3f; / typed pass-through: %.3f%n", name, rate / passThrough,
        rate / typed);
  }

  private static OrchestratorConfig orchestratorConfig(String applicationId, String bootstrap, Path dir) {
    return new OrchestratorConfig(applicationId, bootstrap, dir.resolve(applicationId), EnumSet.allOf(AgentType.class),
        PriceTable.free(), Optional.empty()).withGates(UNLIMITED).withCache(CacheSettings.DEFAULTS);
  }

  private static List<String> taskTopics() {
    List<String> topics = new ArrayList<>();
    for (AgentType agent : AgentType.values()) {
      topics.add(Topics.tasksFor(agent).name());
    }
    return topics;
  }

  private interface Started {
    AutoCloseable start() throws Exception;
  }

  private static AutoCloseable startStreams(Topology topology, String bootstrap, Path dir, String applicationId) {
    KafkaStreams streams = new KafkaStreams(topology, passThroughProperties(bootstrap, dir, applicationId));
    streams.start();
    return streams::close;
  }

  /**
   * Starts a topology, watches its output topics and returns its steady rate: questions per second
   * between the moments 10 % and 90 % of the questions had their output written. The watcher reads
   * uncommitted records, so the rate is the processing rate, not that of the commits (a fast
   * topology is through most of the input before its first commit). Then waits until the consumer
   * group has committed the whole input: under exactly_once_v2 every output is then visible.
   */
  private static double run(String name, int questions, String bootstrap, String applicationId, List<String> outputs,
      Started started) throws Exception {
    long t0 = System.nanoTime();
    try (KafkaConsumer<String, byte[]> watcher = outputWatcher(bootstrap, outputs);
        AutoCloseable ignored = started.start();
        Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      Set<String> answered = new HashSet<>();
      long at10 = 0;
      CpuTime.Snapshot cpuAt10 = null;
      while (answered.size() < questions * 9 / 10) {
        for (ConsumerRecord<String, byte[]> record : watcher.poll(Duration.ofMillis(20))) {
          answered.add(record.key());
        }
        if (at10 == 0 && answered.size() >= questions / 10) {
          at10 = System.nanoTime();
          cpuAt10 = CpuTime.now();
        }
      }
      long at90 = System.nanoTime();
      CpuTime.Snapshot cpuAt90 = CpuTime.now();
      long committed;
      do {
        Thread.sleep(50);
        committed = admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata().get().entrySet()
            .stream().filter(e -> e.getKey().topic().equals(Topics.QUERIES.name()) && e.getValue() != null)
            .mapToLong(e -> e.getValue().offset()).sum();
      } while (committed < questions);
      long end = System.nanoTime();
      double steady = (questions * 8 / 10) / ((at90 - at10) / 1e9);
      System.out.printf("%-28s %,d questions in %.1f s from start to the last commit; steady %,.0f questions/s "
          + "(10 %%→90 %% of the outputs in %.2f s, exactly_once_v2)%n", name, questions, (end - t0) / 1e9, steady,
          (at90 - at10) / 1e9);
      System.out.printf("%-28s %s%n", "", cpuAt90.perQuestionSince(cpuAt10, questions * 8 / 10));
      return steady;
    }
  }

  /**
   * Reads what is written to the topics from now on, uncommitted records included: an earlier
   * round's outputs are already there.
   */
  private static KafkaConsumer<String, byte[]> outputWatcher(String bootstrap, List<String> topics) {
    KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
        new StringDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : topics) {
      consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
    }
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position);   // resolves the end offsets now, before the topology starts
    return consumer;
  }

  private static void produce(String bootstrap, int questions, boolean newShapes) throws Exception {
    long t0 = System.nanoTime();
    try (KafkaProducer<String, Question> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.LINGER_MS_CONFIG, 10, ProducerConfig.PARTITIONER_CLASS_CONFIG, TenantPartitioner.class.getName(),
        // Right after topic creation a leader may still move: one batch in flight keeps retries in order.
        ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1),
        Topics.QUERIES.keySerde().serializer(), Topics.QUERIES.valueSerde().serializer())) {
      while (producer.partitionsFor(Topics.QUERIES.name()).stream().anyMatch(p -> p.leader() == null)) {
        Thread.sleep(100);
      }
      List<Future<RecordMetadata>> sent = new ArrayList<>(questions);
      String[] kinds = {"revenue of store %d last month", "forecast sales for store %d next month",
          "what is our returns policy for item %d", "should we discount product %d against competitors",
          "who accessed the api with key %d yesterday"};
      boolean keyed = !Boolean.getBoolean("benchmark.keyless");
      if (keyed) {
        publishAdminKeys(bootstrap);
      }
      for (int i = 0; i < questions; i++) {
        String id = "bench-" + i;
        String tenant = "tenant-" + (i % TENANTS);
        Question question = Question.newBuilder().setQueryId(id).setTenantId(tenant)
            .setApiKeyHash(keyed ? keyHash(tenant) : null)
            .setQuestion(String.format(kinds[i % kinds.length], i) + (newShapes ? " ref " + letters(i) : ""))
            .setSubmittedAt(Instant.now()).build();
        sent.add(producer.send(new ProducerRecord<>(Topics.QUERIES.name(), id, question)));
      }
      for (Future<RecordMetadata> ack : sent) {
        ack.get();
      }
    }
    System.out.printf("produced in %.1f s%n", (System.nanoTime() - t0) / 1e9);
  }

  /**
   * An admin key per tenant, as `bin/suqi tenant create` publishes them: every question then passes
   * the key gate with its key and the role gate for every agent, so every one is fanned out (without
   * keys the security agent's questions are turned away: a user-role asker may not reach it).
   */
  private static void publishAdminKeys(String bootstrap) throws Exception {
    try (KafkaProducer<String, ApiKey> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.PARTITIONER_CLASS_CONFIG, TenantPartitioner.class.getName()),
        Topics.API_KEYS.keySerde().serializer(), Topics.API_KEYS.valueSerde().serializer())) {
      for (int t = 0; t < TENANTS; t++) {
        String tenant = "tenant-" + t;
        producer.send(new ProducerRecord<>(Topics.API_KEYS.name(), keyHash(tenant), ApiKey.newBuilder()
            .setKeyHash(keyHash(tenant)).setTenantId(tenant).setUserId(null).setRole(KeyRole.ADMIN)
            .setCreatedAt(Instant.now()).setRevokedAt(null).build())).get();
      }
    }
  }

  private static String keyHash(String tenant) {
    return "bench-admin-key-of-" + tenant;
  }

  /** A word of letters only, different for every number: 0 → "a", 27 → "bb". */
  private static String letters(int n) {
    StringBuilder word = new StringBuilder();
    do {
      word.append((char) ('a' + n % 26));
      n /= 26;
    } while (n > 0);
    return word.toString();
  }

  /**
   * The router's own Kafka Streams settings (exactly_once_v2, commit interval, linger, fetch wait, task
   * idling), so the ratios measure the work of routing, not a difference of configuration.
   */
  private static Properties passThroughProperties(String bootstrap, Path dir, String applicationId) {
    Properties p = Orchestrator.streamsProperties(new OrchestratorConfig(applicationId, bootstrap,
        dir.resolve("pass-through-state"), EnumSet.noneOf(AgentType.class), PriceTable.free(), Optional.empty()));
    p.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class);
    p.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class);
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
    return withOverrides(p);
  }

  /**
   * Applies each {@code -Dbenchmark.streams.NAME=VALUE} as the Streams setting NAME, to every topology
   * the benchmark runs alike (e.g. {@code -Dbenchmark.streams.producer.linger.ms=5}), to try a setting
   * before it is made the orchestrator's.
   */
  private static Properties withOverrides(Properties properties) {
    String prefix = "benchmark.streams.";
    System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith(prefix))
        .forEach(name -> properties.put(name.substring(prefix.length()), System.getProperty(name)));
    return properties;
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
