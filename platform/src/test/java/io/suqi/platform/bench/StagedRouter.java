package io.suqi.platform.bench;

import io.suqi.orchestrator.OrchestratorTopology;
import io.suqi.orchestrator.cache.AnswerCache;
import io.suqi.orchestrator.cache.CacheKey;
import io.suqi.orchestrator.cache.CacheSettings;
import io.suqi.orchestrator.classify.Classification;
import io.suqi.orchestrator.classify.ClassificationMemo;
import io.suqi.orchestrator.classify.IntentClassifier;
import io.suqi.orchestrator.gate.Asker;
import io.suqi.orchestrator.gate.GateSettings;
import io.suqi.orchestrator.gate.GateStores;
import io.suqi.orchestrator.gate.Gates;
import io.suqi.orchestrator.gate.Verdict;
import io.suqi.orchestrator.route.AgentTasks;
import io.suqi.orchestrator.route.PendingQuestion;
import io.suqi.orchestrator.route.PendingQuestionSerde;
import io.suqi.orchestrator.route.Route;
import io.suqi.orchestrator.route.Router;
import io.suqi.schemas.AgentTask;
import io.suqi.schemas.AgentType;
import io.suqi.schemas.Question;
import io.suqi.schemas.Topics;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The router cut down to its first stages, built from the orchestrator's own parts, so the
 * benchmark can show what each stage costs: {@link Stage#CLASSIFY} decodes, classifies and writes
 * the agent's task; {@link Stage#GATE_AND_CACHE} also passes the gates and looks the answer up in
 * the cache; {@link Stage#PENDING} also stores the pending question (as the router did before the
 * assembler took that over). None carries the routing steps in its task. Each task reads the same
 * co-partitioned inputs as the router's (the answers it keeps and the three tables, empty here), since
 * Kafka Streams pays for those per record.
 */
final class StagedRouter {

  enum Stage {
    CLASSIFY("classify"), GATE_AND_CACHE("+gates+cache"), PENDING("+gates+cache+pending");

    private final String label;

    Stage(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }
  }

  private static final String QUESTIONS = "questions";
  private static final String OTHER_INPUTS = "other-inputs";
  private static final String STAGES = "stages";

  private StagedRouter() {}

  /** @param pendingStore how the pending questions are stored: see {@link #pendingStore} */
  static Topology build(Stage stage, String pendingStore, IntentClassifier trained, GateSettings gates, Clock clock) {
    IntentClassifier classifier = new ClassificationMemo(trained, ClassificationMemo.DEFAULT_CAPACITY);
    Router router = new Router(EnumSet.allOf(AgentType.class));
    Topology topology = new Topology();
    topology.addSource(QUESTIONS, Topics.QUERIES.keySerde().deserializer(), new ByteArrayDeserializer(),
        Topics.QUERIES.name());
    topology.addSource(OTHER_INPUTS, Topics.QUERIES.keySerde().deserializer(), new ByteArrayDeserializer(),
        Topics.ANSWERED.name(), Topics.API_KEYS.name(), Topics.TENANT_POLICIES.name(), Topics.GOLD_CHANGES.name());
    topology.addProcessor(STAGES, () -> new StageProcessor(stage, classifier, router, gates, clock), QUESTIONS);
    topology.addProcessor("ignored", Ignored::new, OTHER_INPUTS);
    topology.addStateStore(GateStores.askers(), STAGES);
    topology.addStateStore(GateStores.apiKeys(), STAGES);
    topology.addStateStore(GateStores.tenantPolicies(), STAGES);
    topology.addStateStore(AnswerCache.store(), STAGES);
    topology.addStateStore(AnswerCache.goldChangesStore(), STAGES);
    topology.addStateStore(pendingStore(pendingStore), STAGES);
    for (AgentType agent : AgentType.values()) {
      topology.addSink(sink(agent), Topics.tasksFor(agent).name(), Topics.tasksFor(agent).keySerde().serializer(),
          Topics.tasksFor(agent).valueSerde().serializer(), STAGES);
    }
    return topology;
  }

  /**
   * The pending questions' store: "cached" as the orchestrator builds it (RocksDB behind the record
   * cache), "direct" without the record cache, "memory" in the heap; all changelogged.
   */
  private static StoreBuilder<KeyValueStore<String, PendingQuestion>> pendingStore(String variant) {
    String name = OrchestratorTopology.PENDING_QUESTIONS;
    return switch (variant) {
      case "cached" -> OrchestratorTopology.pendingQuestionsStore();
      case "direct" -> Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(),
          new PendingQuestionSerde());
      case "memory" -> Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(),
          new PendingQuestionSerde());
      default -> throw new IllegalArgumentException(
          "benchmark.pendingStore must be cached, direct or memory, was " + variant);
    };
  }

  private static String sink(AgentType agent) {
    return "tasks-" + agent.name().toLowerCase(Locale.ROOT);
  }

  /** Takes the other inputs' records (none arrive in the benchmark) and does nothing with them. */
  private static final class Ignored implements Processor<String, byte[], Void, Void> {
    @Override
    public void process(Record<String, byte[]> record) {
      // nothing: the stages never read these inputs
    }
  }

  private static final class StageProcessor implements Processor<String, byte[], String, AgentTask> {

    private final Stage stage;
    private final IntentClassifier classifier;
    private final Router router;
    private final GateSettings gateSettings;
    private final Clock clock;
    private ProcessorContext<String, AgentTask> context;
    private Gates gates;
    private AnswerCache cache;
    private KeyValueStore<String, PendingQuestion> pending;

    StageProcessor(Stage stage, IntentClassifier classifier, Router router, GateSettings gateSettings, Clock clock) {
      this.stage = stage;
      this.classifier = classifier;
      this.router = router;
      this.gateSettings = gateSettings;
      this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, AgentTask> context) {
      this.context = context;
      this.gates = Gates.connect(context, gateSettings);
      this.cache = AnswerCache.connect(context, CacheSettings.DEFAULTS);
      this.pending = context.getStateStore(OrchestratorTopology.PENDING_QUESTIONS);
    }

    @Override
    public void process(Record<String, byte[]> record) {
      Question question = Topics.QUERIES.valueSerde().deserializer().deserialize(Topics.QUERIES.name(), record.value());
      Classification classification = classifier.classify(question.getQuestion());
      if (!(router.route(classification.intent()) instanceof Route.ToAgent toAgent)) {
        throw new IllegalStateException("the benchmark's questions all go to an agent: " + question.getQuestion());
      }
      AgentType agent = toAgent.agent();
      Instant now = clock.instant();
      if (stage != Stage.CLASSIFY) {
        // Every verdict counts: the security template is turned away by the role gate, as in the router.
        Verdict verdict = gates.admit(question, gates.policyOf(question.getTenantId()), Set.of(agent), now);
        Asker asker = verdict instanceof Verdict.Admitted admitted ? admitted.asker()
            : ((Verdict.Rejected) verdict).asker();
        Optional<String> user = asker == null ? Optional.empty() : asker.userId();
        String cacheKey = CacheKey.of(question.getTenantId(), agent, question.getContextLimit(), question.getQuestion());
        cache.get(cacheKey, question.getTenantId(), agent, now);
        if (stage == Stage.PENDING) {
          pending.put(question.getQueryId(), new PendingQuestion(question.getTenantId(), classification.intent(),
              classification.confidence(), agent, question.getSubmittedAt(), now, user.orElse(null), cacheKey, false));
        }
      }
      AgentTask task = AgentTasks.forQuestion(question, classification, agent, now, null);   // no routing steps
      context.forward(new Record<>(task.getQueryId(), task, now.toEpochMilli()), sink(agent));
    }
  }
}
