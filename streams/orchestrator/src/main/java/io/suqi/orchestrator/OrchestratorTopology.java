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
import io.suqi.schemas.Topics;
import java.time.Clock;
import java.time.Instant;
import java.util.function.UnaryOperator;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The orchestrator's topology:
 * <pre>
 * suqi.queries ──► classify → gate → plan or cache → route ──► agent.&lt;type&gt;.tasks / suqi.queries.dlq
 *                        │  (pending questions and plans, throttles, token usage, answer cache)
 * suqi.agent-results ──► assemble (tokens counted, answer cached; plans: dependent steps sent,
 *                        steps joined, overdue steps marked missing by a wall-clock punctuator)
 *      both ──► suqi.responses, suqi.response-steps, suqi.orchestration-log
 * suqi.api-keys, suqi.tenant-policies, retail.gold-changes ──► stores the gates and cache read
 * </pre>
 * Questions and results are partitioned by tenant (TenantPartitioner), so a tenant's throttles,
 * quotas and cache live in one task, whichever instance runs it.
 * Values are read as bytes and decoded by the processors, so a bad record is dead-lettered or
 * skipped instead of stopping the stream. Both inputs are keyed by query id with the same
 * partition count, so a question and its result meet in the same task and store.
 */
public final class OrchestratorTopology {

  /** The store of questions routed to an agent and waiting for its result. */
  public static final String PENDING_QUESTIONS = "pending-questions";
  /** The query ids of the multi-step plans still waiting for a step, so a timeout scan skips the rest. */
  public static final String PLANS_IN_FLIGHT = "plans-in-flight";

  private static final String QUESTIONS = "questions";
  private static final String RESULTS = "agent-results";
  private static final String CLASSIFY_AND_ROUTE = "classify-and-route";
  private static final String ASSEMBLE = "assemble";

  private OrchestratorTopology() {}

  public static Topology build(OrchestratorConfig config, IntentClassifier trained, Clock clock) {
    // A question asked again (a cache hit, a plan's clause) is not classified again.
    IntentClassifier classifier = new ClassificationMemo(trained, ClassificationMemo.DEFAULT_CAPACITY);
    Router router = new Router(config.availableAgents());
    Topology topology = new Topology();
    topology.addSource(QUESTIONS, Topics.QUERIES.keySerde().deserializer(), new ByteArrayDeserializer(),
        Topics.QUERIES.name());
    topology.addSource(RESULTS, Topics.AGENT_RESULTS.keySerde().deserializer(), new ByteArrayDeserializer(),
        Topics.AGENT_RESULTS.name());
    Planner planner = new Planner(classifier, Router::agentFor);
    topology.addProcessor(CLASSIFY_AND_ROUTE, () -> new QuestionProcessor(classifier, planner, router, config.gates(),
        config.cache(), config.plans(), config.prices(), clock), QUESTIONS);
    topology.addProcessor(ASSEMBLE, () -> new ResultProcessor(router, config.gates(), config.cache(), config.plans(),
        config.prices(), clock), RESULTS);
    topology.addStateStore(pendingQuestionsStore(), CLASSIFY_AND_ROUTE, ASSEMBLE);
    topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PLANS_IN_FLIGHT),
        Serdes.String(), Serdes.Long()).withCachingEnabled(), CLASSIFY_AND_ROUTE, ASSEMBLE);
    topology.addStateStore(GateStores.throttles(), CLASSIFY_AND_ROUTE, ASSEMBLE);
    topology.addStateStore(GateStores.tokenUsage(), CLASSIFY_AND_ROUTE, ASSEMBLE);
    topology.addStateStore(AnswerCache.store(), CLASSIFY_AND_ROUTE, ASSEMBLE);
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

    addSink(topology, Outputs.DEAD_LETTERS, Topics.QUERIES_DEAD_LETTER, CLASSIFY_AND_ROUTE);
    for (AgentType agent : AgentType.values()) {
      // Assembling too: a plan's dependent steps are sent once the results they build on arrived.
      addSink(topology, Outputs.taskSink(agent), Topics.tasksFor(agent), CLASSIFY_AND_ROUTE, ASSEMBLE);
    }
    addSink(topology, Outputs.RESPONSES, Topics.RESPONSES, CLASSIFY_AND_ROUTE, ASSEMBLE);
    addSink(topology, Outputs.RESPONSE_STEPS, Topics.RESPONSE_STEPS, CLASSIFY_AND_ROUTE, ASSEMBLE);
    addSink(topology, Outputs.ORCHESTRATION_LOG, Topics.ORCHESTRATION_LOG, CLASSIFY_AND_ROUTE, ASSEMBLE);
    return topology;
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
    topology.addSource(source, topic.keySerde().deserializer(), new ByteArrayDeserializer(), topic.name());
    topology.addProcessor(loader, () -> new TopicTable<>(topic, storeName, onArrival), source);
    topology.addStateStore(store, loader, CLASSIFY_AND_ROUTE, ASSEMBLE);
  }

  private static <K, V> void addSink(Topology topology, String name, Topic<K, V> topic, String... parents) {
    topology.addSink(name, topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer(), parents);
  }
}
