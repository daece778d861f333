package io.suqi.orchestrator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.suqi.orchestrator.assemble.ResponseAssembler;
import io.suqi.orchestrator.cache.AnswerCache;
import io.suqi.orchestrator.cache.CacheKey;
import io.suqi.orchestrator.cache.CacheSettings;
import io.suqi.orchestrator.classify.Classification;
import io.suqi.orchestrator.classify.InjectionScan;
import io.suqi.orchestrator.classify.IntentClassifier;
import io.suqi.orchestrator.cost.PriceTable;
import io.suqi.orchestrator.gate.Asker;
import io.suqi.orchestrator.gate.GateSettings;
import io.suqi.orchestrator.gate.Gates;
import io.suqi.orchestrator.gate.Verdict;
import io.suqi.orchestrator.log.Step;
import io.suqi.orchestrator.log.TraceEvents;
import io.suqi.orchestrator.plan.Plan;
import io.suqi.orchestrator.plan.PlanSettings;
import io.suqi.orchestrator.plan.Planner;
import io.suqi.orchestrator.route.AgentTasks;
import io.suqi.orchestrator.route.PendingQuestion;
import io.suqi.orchestrator.route.Route;
import io.suqi.orchestrator.route.Router;
import io.suqi.schemas.AgentTask;
import io.suqi.schemas.AgentType;
import io.suqi.schemas.DeadLetter;
import io.suqi.schemas.Question;
import io.suqi.schemas.Response;
import io.suqi.schemas.TenantPolicy;
import io.suqi.schemas.Topics;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Takes each question through classify → gate → plan or cache → route: answered at once when a gate
 * turns it away, when it is out of scope, or from the cache; a question that needs several agents is
 * planned into steps ({@link PlanExecution}); otherwise sent to its agent's task topic and
 * remembered as pending. A record that is not a valid question goes to the dead-letter topic and
 * the stream goes on.
 */
final class QuestionProcessor implements Processor<String, byte[], String, Object> {

  private static final Duration EVICTION_INTERVAL = Duration.ofMinutes(10);

  private final IntentClassifier classifier;
  private final Planner planner;
  private final Router router;
  private final GateSettings gateSettings;
  private final CacheSettings cacheSettings;
  private final PlanSettings planSettings;
  private final PriceTable prices;
  private final Clock clock;
  private Outputs outputs;
  private Gates gates;
  private AnswerCache cache;
  private PlanExecution plans;
  private KeyValueStore<String, PendingQuestion> pending;
  private ProcessorContext<String, Object> context;

  QuestionProcessor(IntentClassifier classifier, Planner planner, Router router, GateSettings gateSettings,
      CacheSettings cacheSettings, PlanSettings planSettings, PriceTable prices, Clock clock) {
    this.classifier = classifier;
    this.planner = planner;
    this.router = router;
    this.gateSettings = gateSettings;
    this.cacheSettings = cacheSettings;
    this.planSettings = planSettings;
    this.prices = prices;
    this.clock = clock;
  }

  @Override
  public void init(ProcessorContext<String, Object> context) {
    this.context = context;
    this.outputs = new Outputs(context);
    this.pending = context.getStateStore(OrchestratorTopology.PENDING_QUESTIONS);
    this.gates = Gates.connect(context, gateSettings);
    this.cache = AnswerCache.connect(context, cacheSettings);
    this.plans = new PlanExecution(router, planSettings, prices, clock, outputs, pending,
        context.getStateStore(OrchestratorTopology.PLANS_IN_FLIGHT), gates);
    context.schedule(EVICTION_INTERVAL, PunctuationType.WALL_CLOCK_TIME, at -> cache.evictExpired(clock.instant()));
  }

  @Override
  public void process(Record<String, byte[]> record) {
    Question question;
    try {
      question = validQuestion(record.value());
    } catch (InvalidQuestion e) {
      outputs.deadLetter(record.key(), deadLetter(record, e.getMessage()));
      return;
    }
    TenantPolicy policy = gates.policyOf(question.getTenantId());
    boolean debug = question.getDebug() || Gates.debug(policy);
    Classification classification = classify(question, debug);

    // Only a question with clause boundaries is classified again, clause by clause.
    Optional<Plan> plan = planner.multiStep(question.getQuestion());
    Route route = router.route(classification.intent());
    Instant gateStart = clock.instant();
    Verdict verdict = gates.admit(question, policy, askedAgents(plan, route), gateStart);
    Instant gated = clock.instant();
    ObjectNode gateDetail = TraceEvents.detail().put("verdict", verdict instanceof Verdict.Admitted ? "admitted" : "rejected");
    // Who was let in or turned away, from where: the audit trail the security agent answers from.
    Asker asker = verdict instanceof Verdict.Admitted admitted ? admitted.asker() : ((Verdict.Rejected) verdict).asker();
    if (verdict instanceof Verdict.Rejected rejected) {
      gateDetail.put("reason", name(rejected.reason())).put("message", rejected.message());
    }
    if (asker != null) {
      gateDetail.put("user", asker.userId().orElse(null)).put("role", name(asker.role()));
    }
    gateDetail.put("platform", question.getPlatform());
    outputs.log(TraceEvents.step(question.getQueryId(), question.getTenantId(), Step.GATE, null, gateStart,
        millis(gateStart, gated), gateDetail));
    if (verdict instanceof Verdict.Rejected rejected) {
      answerDirectly(question, ResponseAssembler.rejected(question, classification, rejected.reason(),
          rejected.message(), rejected.retryAfterMs(), gated), TraceEvents.detail().put("reason", name(rejected.reason())));
      return;
    }

    if (plan.isPresent()) {
      plans.start(question, classification, plan.get(), asker, debug);
      return;
    }
    if (route instanceof Route.ToAgent toAgent) {
      answerFromCacheOrAgent(question, classification, toAgent.agent(), asker, debug);
    } else if (route instanceof Route.AgentNotDeployed notDeployed) {
      answerDirectly(question, ResponseAssembler.agentNotDeployed(question, classification, notDeployed.agent(),
          clock.instant()), TraceEvents.detail().put("missing_agent", name(notDeployed.agent())));
    } else {
      answerDirectly(question, ResponseAssembler.outOfScope(question, classification, clock.instant()),
          TraceEvents.detail());
    }
  }

  private Classification classify(Question question, boolean debug) {
    Instant classifyStart = clock.instant();
    Classification classification = classifier.classify(question.getQuestion());
    Instant classified = clock.instant();
    outputs.progress(question.getQueryId(), Step.CLASSIFY, null, "Understood as " + name(classification.intent())
        + " (confidence " + twoDecimals(classification.confidence()) + ")", classified);
    ObjectNode detail = TraceEvents.detail()
        .put("intent", name(classification.intent()))
        .put("confidence", Math.round(classification.confidence() * 1000) / 1000.0);
    List<String> signs = InjectionScan.signs(question.getQuestion());
    if (!signs.isEmpty()) {
      signs.forEach(detail.putArray("injection_signs")::add);
    }
    if (debug) {
      detail.put("question", question.getQuestion()).put("platform", question.getPlatform())
          .put("user", question.getUserId()).put("context_limit", question.getContextLimit());
    }
    outputs.log(TraceEvents.step(question.getQueryId(), question.getTenantId(), Step.CLASSIFY, null, classifyStart,
        millis(classifyStart, classified), detail));
    return classification;
  }

  private void answerFromCacheOrAgent(Question question, Classification classification, AgentType agent, Asker asker,
      boolean debug) {
    Instant lookupStart = clock.instant();
    String cacheKey = CacheKey.of(question.getTenantId(), agent, question.getContextLimit(), question.getQuestion());
    Optional<Response> cached = cache.get(cacheKey, question.getTenantId(), agent, lookupStart);
    Instant looked = clock.instant();
    outputs.log(TraceEvents.step(question.getQueryId(), question.getTenantId(), Step.CACHE, agent, lookupStart,
        millis(lookupStart, looked), TraceEvents.detail().put("hit", cached.isPresent())));
    if (cached.isPresent()) {
      answerDirectly(question, ResponseAssembler.fromCache(question, classification, cached.get(), looked),
          TraceEvents.detail().put("cache_hit", true));
      return;
    }
    Instant routeStart = clock.instant();
    AgentTask task = AgentTasks.forQuestion(question, classification, agent, routeStart);
    // Remembered before the task goes out, so even an instant result finds its question.
    pending.put(question.getQueryId(),
        PendingQuestion.of(question, classification, agent, routeStart, asker.userId(), cacheKey, debug));
    outputs.task(task);
    Instant routed = clock.instant();
    outputs.progress(question.getQueryId(), Step.ROUTE, agent, "Asked the " + name(agent) + " agent", routed);
    outputs.log(TraceEvents.step(question.getQueryId(), question.getTenantId(), Step.ROUTE, agent, routeStart,
        millis(routeStart, routed), TraceEvents.detail().put("task_topic", Topics.tasksFor(agent).name())));
  }

  private void answerDirectly(Question question, Response response, ObjectNode detail) {
    outputs.response(response);
    outputs.progress(question.getQueryId(), Step.RESPOND, response.getAgent(), response.getAnswer().getText(),
        response.getCompletedAt());
    detail.put("status", name(response.getStatus()));
    outputs.log(TraceEvents.finalStep(TraceEvents.step(question.getQueryId(), question.getTenantId(), Step.RESPOND,
        response.getAgent(), response.getCompletedAt(), millis(response.getCompletedAt(), clock.instant()), detail),
        response, 0, 0.0));   // no agent was asked: nothing to meter
  }

  /** The question in the value, or why there is none. */
  private static Question validQuestion(byte[] value) throws InvalidQuestion {
    if (value == null || value.length == 0) {
      throw new InvalidQuestion("empty value: not a Question");
    }
    Question question;
    try {
      question = Topics.QUERIES.valueSerde().deserializer().deserialize(Topics.QUERIES.name(), value);
    } catch (SerializationException e) {
      throw new InvalidQuestion(e.getMessage());
    }
    if (question.getQueryId().isBlank()) {
      throw new InvalidQuestion("query_id is missing");
    }
    if (question.getTenantId().isBlank()) {
      throw new InvalidQuestion("tenant_id is missing");
    }
    if (question.getQuestion().isBlank()) {
      throw new InvalidQuestion("question is empty");
    }
    return question;
  }

  /** Why a record cannot be answered as a question; its message becomes the dead letter's reason. */
  private static final class InvalidQuestion extends Exception {
    InvalidQuestion(String reason) {
      super(reason, null, false, false); // an expected outcome: no stack trace needed
    }
  }

  private DeadLetter deadLetter(Record<String, byte[]> record, String reason) {
    RecordMetadata source = context.recordMetadata().orElseThrow();
    byte[] key = record.key() == null ? null
        : Topics.QUERIES.keySerde().serializer().serialize(source.topic(), record.key());
    return DeadLetter.newBuilder()
        .setSourceTopic(source.topic())
        .setPartition(source.partition())
        .setOffset(source.offset())
        .setKey(key == null ? null : ByteBuffer.wrap(key))
        .setValue(record.value() == null ? null : ByteBuffer.wrap(record.value()))
        .setReason(reason)
        .setFailedAt(clock.instant())
        .build();
  }

  static long millis(Instant from, Instant to) {
    return Math.max(0, Duration.between(from, to).toMillis());
  }

  /** "0.87": as String.format("%.2f") would print it, without a Formatter per question. */
  static String twoDecimals(double value) {
    return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).toPlainString();
  }

  private static String name(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  /** The agents a question would ask: its plan's, or its route's one. */
  private static Set<AgentType> askedAgents(Optional<Plan> plan, Route route) {
    if (plan.isPresent()) {
      return plan.get().steps().stream().map(step -> step.agent()).collect(Collectors.toUnmodifiableSet());
    }
    return route instanceof Route.ToAgent toAgent ? Set.of(toAgent.agent()) : Set.of();
  }
}
