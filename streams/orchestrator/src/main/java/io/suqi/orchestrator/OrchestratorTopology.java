package io.suqi.orchestrator;

import io.suqi.orchestrator.cache.AnswerCache;
import io.suqi.orchestrator.classify.ClassificationMemo;
import io.suqi.orchestrator.classify.IntentClassifier;
import io.suqi.orchestrator.gate.GateStores;
import io.suqi.orchestrator.plan.Planner;
import io.suqi.orchestrator.route.PendingQuestion;
import io.suqi.orchestrator.route.PendingQuestionSerde;
import io.suqi.orchestrator.route.Router;
import io.suqi.schemas.AgentType;
import io.suqi.schemas.GoldChange;
import io.suqi.schemas.Topic;
import io.suqi.schemas.TenantPartitioner;
import io.suqi.schemas.Topics;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.StreamPartitioner;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The orchestrator's two Kafka Streams applications, the router and the assembler:
 * <pre>
 * ROUTER
 * suqi.queries ──► classify → gate → plan or cache → route ──► agent.&lt;type&gt;.tasks (one record a question)
 *                        │  (throttles, token usage, answer cache)   suqi.plans (a multi-step plan)
 *                        └─ answered at once (gate, out of scope, cache hit) ──► suqi.responses, -steps, -log
 * suqi.answered ──► tokens counted against the quotas, answer cached
 * suqi.api-keys, suqi.tenant-policies, retail.gold-changes ──► stores the gates and cache read
 *
 * ASSEMBLER
 * agent.&lt;type&gt;.tasks ──► the question waits for its result (routing steps logged and streamed)
 * suqi.plans ──► plan steps sent as they become ready; overdue steps marked missing
 * suqi.agent-results ──► assembled ──► suqi.responses, suqi.response-steps, suqi.orchestration-log,
 *                                      suqi.answered (back to the router)
 * </pre>
 * A question the router hands on costs it one record, which carries what the assembler needs to wait
 * for the answer: so the router's rate is that of classifying, gating, caching and fanning out, and
 * the two scale on their own. Every topic between them, and the results, is partitioned by tenant
 * (TenantPartitioner): a tenant's throttles, quotas and cache live in one router task, and a question's
 * task, plan and result meet in one assembler task, whichever instance runs it.
 * Values are read as bytes and decoded by the processors, so a bad record is dead-lettered or skipped
 * instead of stopping the stream.
 */
public final class OrchestratorTopology {

  /** The assembler's store of questions routed to an agent and waiting for its result. */
  public static final String PENDING_QUESTIONS = "pending-questions";
  /** The query ids of the multi-step plans still waiting for a step, so a timeout scan skips the rest. */
  public static final String PLANS_IN_FLIGHT = "plans-in-flight";
  /** Results read before the task they answer (see {@link Assembly}). */
  public static final String EARLY_RESULTS = "early-results";
  /** The questions answered in the last hour, so a redelivered result answers none twice. */
  public static final String ANSWERED_QUESTIONS = "answered-questions";

  private static final String QUESTIONS = "questions";
  private static final String ANSWERS = "answers";
  private static final String CLASSIFY_AND_ROUTE = "classify-and-route";

  private static final String TASKS = "tasks";
  private static final String PLANS = "plans";
  private static final String RESULTS = "agent-results";
  private static final String REGISTER = "register";
  private static final String START_PLANS = "start-plans";
  private static final String ASSEMBLE = "assemble";
  private static final String[] ASSEMBLER_PROCESSORS = {REGISTER, START_PLANS, ASSEMBLE};

  private OrchestratorTopology() {}

  /** Router and assembler in one topology, as TopologyTestDriver runs them: each writes what the other reads. */
  public static Topology build(OrchestratorConfig config, IntentClassifier trained, Clock clock) {
    Topology topology = new Topology();
    addRouter(topology, config, trained, clock);
    addAssembler(topology, config, clock);
    return topology;
  }

  /** The router: classify → gate → cache → fan out, one record per question. */
  public static Topology router(OrchestratorConfig config, IntentClassifier trained, Clock clock) {
    Topology topology = new Topology();
    addRouter(topology, config, trained, clock);
    return topology;
  }

  /** The assembler: joins each result to its question, runs plans, logs and streams the steps. */
  public static Topology assembler(OrchestratorConfig config, Clock clock) {
    Topology topology = new Topology();
    addAssembler(topology, config, clock);
    return topology;
  }

  private static void addRouter(Topology topology, OrchestratorConfig config, IntentClassifier trained, Clock clock) {
    // A question asked again (a cache hit, a plan's clause) is not classified again.
    IntentClassifier classifier = new ClassificationMemo(trained, ClassificationMemo.DEFAULT_CAPACITY);
    Router router = new Router(config.availableAgents());
    Planner planner = new Planner(classifier, Router::agentFor);
    addBytesSource(topology, QUESTIONS, Topics.QUERIES);
    addBytesSource(topology, ANSWERS, Topics.ANSWERED);
    // One processor for the questions and the answers that come back: both use the gates and the cache.
    topology.addProcessor(CLASSIFY_AND_ROUTE, () -> new QuestionProcessor(classifier, planner, router, config.gates(),
        config.cache(), clock), QUESTIONS, ANSWERS);
    topology.addStateStore(GateStores.askers(), CLASSIFY_AND_ROUTE);
    topology.addStateStore(AnswerCache.store(), CLASSIFY_AND_ROUTE);
    addTable(topology, Topics.API_KEYS, GateStores.apiKeys(), GateStores.API_KEYS, UnaryOperator.identity());
    addTable(topology, Topics.TENANT_POLICIES, GateStores.tenantPolicies(), GateStores.TENANT_POLICIES,
        UnaryOperator.identity());
    // Stamped when it arrives (after the lakehouse committed the change): an answer computed before
    // that may have read the old rows, whatever the change's own time stamp says.
    addTable(topology, Topics.GOLD_CHANGES, AnswerCache.goldChangesStore(), AnswerCache.GOLD_CHANGES_STORE,
        change -> {
          Instant arrived = clock.instant();
          return change.getChangedAt().isAfter(arrived) ? change
              : GoldChange.newBuilder(change).setChangedAt(arrived).build();
        });

    addSink(topology, Outputs.ROUTER + Outputs.DEAD_LETTERS, Topics.QUERIES_DEAD_LETTER, null, CLASSIFY_AND_ROUTE);
    for (AgentType agent : AgentType.values()) {
      addSink(topology, Outputs.ROUTER + Outputs.taskSink(agent), Topics.tasksFor(agent), byTenant(),
          CLASSIFY_AND_ROUTE);
    }
    addSink(topology, Outputs.ROUTER + Outputs.PLANS, Topics.PLANS, byTenant(), CLASSIFY_AND_ROUTE);
    addAnswerSinks(topology, Outputs.ROUTER, CLASSIFY_AND_ROUTE);
  }

  private static void addAssembler(Topology topology, OrchestratorConfig config, Clock clock) {
    Assembly.Settings settings = new Assembly.Settings(new Router(config.availableAgents()),
        config.plans(), config.prices(), clock);
    topology.addSource(TASKS, Topics.tasksFor(AgentType.ANALYTICS).keySerde().deserializer(),
        new ByteArrayDeserializer(),
        Arrays.stream(AgentType.values()).map(agent -> Topics.tasksFor(agent).name()).toArray(String[]::new));
    addBytesSource(topology, PLANS, Topics.PLANS);
    addBytesSource(topology, RESULTS, Topics.AGENT_RESULTS);
    topology.addProcessor(REGISTER, () -> AssemblerInput.of(Topics.tasksFor(AgentType.ANALYTICS), Assembly::register,
        settings), TASKS);   // every task topic has the same value serde
    topology.addProcessor(START_PLANS, () -> AssemblerInput.of(Topics.PLANS, Assembly::startPlan, settings), PLANS);
    topology.addProcessor(ASSEMBLE, () -> AssemblerInput.scanning(Topics.AGENT_RESULTS, Assembly::onResult, settings),
        RESULTS);
    topology.addStateStore(pendingQuestionsStore(), ASSEMBLER_PROCESSORS);
    topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PLANS_IN_FLIGHT),
        Serdes.String(), Serdes.Long()).withCachingEnabled(), ASSEMBLER_PROCESSORS);
    topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(EARLY_RESULTS),
        Serdes.String(), Topics.AGENT_RESULTS.valueSerde()), ASSEMBLER_PROCESSORS);
    topology.addStateStore(Assembly.answeredStore(), ASSEMBLER_PROCESSORS);

    for (AgentType agent : AgentType.values()) {
      // A plan's steps are sent once the results they build on arrived.
      addSink(topology, Outputs.ASSEMBLER + Outputs.taskSink(agent), Topics.tasksFor(agent), byTenant(),
          START_PLANS, ASSEMBLE);
    }
    addSink(topology, Outputs.ASSEMBLER + Outputs.ANSWERED, Topics.ANSWERED, byTenant(), ASSEMBLER_PROCESSORS);
    addAnswerSinks(topology, Outputs.ASSEMBLER, ASSEMBLER_PROCESSORS);
  }

  /** What a question's asker and observers read: its response, its streamed steps, its log. */
  private static void addAnswerSinks(Topology topology, String side, String... parents) {
    addSink(topology, side + Outputs.RESPONSES, Topics.RESPONSES, null, parents);
    addSink(topology, side + Outputs.RESPONSE_STEPS, Topics.RESPONSE_STEPS, null, parents);
    addSink(topology, side + Outputs.ORCHESTRATION_LOG, Topics.ORCHESTRATION_LOG, null, parents);
  }

  /** The pending questions' store: RocksDB behind the record cache, changelogged. */
  public static StoreBuilder<KeyValueStore<String, PendingQuestion>> pendingQuestionsStore() {
    return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PENDING_QUESTIONS), Serdes.String(),
        new PendingQuestionSerde()).withCachingEnabled();
  }

  /**
   * A table topic (partitioned by tenant like the questions) loaded into a store of the same task as
   * the tenant's questions. Not a global store: a tenant's keys and policy are only needed where its
   * questions are, and KafkaStreams.start() would block until a global store is loaded.
   */
  private static <V> void addTable(Topology topology, Topic<String, V> topic, StoreBuilder<?> store, String storeName,
      UnaryOperator<V> onArrival) {
    String source = topic.name() + "-source";
    String loader = topic.name() + "-table";
    addBytesSource(topology, source, topic);
    topology.addProcessor(loader, () -> new TopicTable<>(topic, storeName, onArrival), source);
    topology.addStateStore(store, loader, CLASSIFY_AND_ROUTE);
  }

  private static void addBytesSource(Topology topology, String name, Topic<String, ?> topic) {
    topology.addSource(name, topic.keySerde().deserializer(), new ByteArrayDeserializer(), topic.name());
  }

  /** @param partitioner where each record goes; null: by its key, as Kafka's producer would */
  private static <V> void addSink(Topology topology, String name, Topic<String, V> topic,
      StreamPartitioner<String, V> partitioner, String... parents) {
    if (partitioner == null) {
      topology.addSink(name, topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer(), parents);
    } else {
      topology.addSink(name, topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer(), partitioner,
          parents);
    }
  }

  /** By the record's tenant_id, as {@link TenantPartitioner} partitions questions and results. */
  private static <V> StreamPartitioner<String, V> byTenant() {
    return (topic, key, value, partitions) ->
        TenantSinkPartitions.of(TenantPartitioner.partitionOf(TenantPartitioner.tenantOf(value), partitions));
  }
}
