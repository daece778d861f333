package io.suqi.orchestrator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.suqi.orchestrator.assemble.ResponseAssembler;
import io.suqi.orchestrator.cache.AnswerCache;
import io.suqi.orchestrator.cache.CacheKey;
import io.suqi.orchestrator.cache.CacheSettings;
import io.suqi.orchestrator.classify.Classification;
import io.suqi.orchestrator.classify.InjectionScan;
import io.suqi.orchestrator.classify.IntentClassifier;
import io.suqi.orchestrator.cost.TokenRule;
import io.suqi.orchestrator.gate.Asker;
import io.suqi.orchestrator.gate.GateSettings;
import io.suqi.orchestrator.gate.Gates;
import io.suqi.orchestrator.gate.Verdict;
import io.suqi.orchestrator.log.RoutingSteps;
import io.suqi.orchestrator.log.Step;
import io.suqi.orchestrator.log.TraceEvents;
import io.suqi.orchestrator.plan.Plan;
import io.suqi.orchestrator.plan.Planner;
import io.suqi.orchestrator.route.AgentTasks;
import io.suqi.orchestrator.route.PlanHandoff;
import io.suqi.orchestrator.route.Route;
import io.suqi.orchestrator.route.Router;
import io.suqi.schemas.AgentType;
import io.suqi.schemas.DeadLetter;
import io.suqi.schemas.Question;
import io.suqi.schemas.Response;
import io.suqi.schemas.Routing;
import io.suqi.schemas.TenantPolicy;
import io.suqi.schemas.Topics;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Takes each question through classify → gate → plan or cache → route: answered at once when a gate
 * turns it away, when it is out of scope, or from the cache; a question that needs several agents is
 * planned into steps and handed to the assembler on suqi.plans; otherwise sent to its agent's task
 * topic. A question handed on costs one record: the facts of its routing travel in it ({@link Routing}),
 * and the assembler logs and streams its steps from them ({@link RoutingSteps}). A record that is not a
 * valid question goes to the dead-letter topic and the stream goes on. The answers that come back on
 * suqi.answered reach this processor too, and are kept over the same gates and cache ({@link AnswerKeeper}).
 */
final class QuestionProcessor implements Processor<String, byte[], String, Object> {

  private static final Duration EVICTION_INTERVAL = Duration.ofMinutes(10);
  /** Each agent alone, built once: the set of agents a question routed as a whole asks. */
  private static final Map<AgentType, Set<AgentType>> ONLY = Arrays.stream(AgentType.values())
      .collect(Collectors.toMap(agent -> agent, Set::of, (a, b) -> a, () -> new EnumMap<>(AgentType.class)));

  private final IntentClassifier classifier;
  private final Planner planner;
  private final Router router;
  private final GateSettings gateSettings;
  private final CacheSettings cacheSettings;
  private final Clock clock;
  private Outputs outputs;
  private Gates gates;
  private AnswerCache cache;
  private AnswerKeeper answers;
  private ProcessorContext<String, Object> context;

  QuestionProcessor(IntentClassifier classifier, Planner planner, Router router, GateSettings gateSettings,
      CacheSettings cacheSettings, Clock clock) {
    this.classifier = classifier;
    this.planner = planner;
    this.router = router;
    this.gateSettings = gateSettings;
    this.cacheSettings = cacheSettings;
    this.clock = clock;
  }

  @Override
  public void init(ProcessorContext<String, Object> context) {
    this.context = context;
    this.outputs = new Outputs(context, Outputs.ROUTER);
    this.gates = Gates.connect(context, gateSettings);
    this.cache = AnswerCache.connect(context, cacheSettings);
    this.answers = new AnswerKeeper(gates, cache);
    context.schedule(EVICTION_INTERVAL, PunctuationType.WALL_CLOCK_TIME, at -> cache.evictExpired(clock.instant()));
  }

  @Override
  public void process(Record<String, byte[]> record) {
    if (context.recordMetadata().map(RecordMetadata::topic).filter(Topics.ANSWERED.name()::equals).isPresent()) {
      answers.keep(record);
      return;
    }
    Question question;
    try {
      question = validQuestion(record.value());
    } catch (InvalidQuestion e) {
      outputs.deadLetter(record.key(), deadLetter(record, e.getMessage()));
      return;
    }
    TenantPolicy policy = gates.policyOf(question.getTenantId());
    boolean debug = question.getDebug() || Gates.debug(policy);
    // The facts of routing, filled step by step: carried in the question's task or plan (the assembler
    // logs and streams the steps from them), or turned into steps here when it is answered at once.
    Routing routing = new Routing();
    routing.setSubmittedAt(question.getSubmittedAt().toEpochMilli());
    routing.setDebug(debug);
    routing.setAskedUser(debug ? question.getUserId() : null);
    routing.setQuestion(debug ? question.getQuestion() : null);
    routing.setPlatform(question.getPlatform());
    routing.setContextLimit(question.getContextLimit());
    routing.setInjectionSigns(InjectionScan.signs(question.getQuestion()));
    routing.setQuestionTokens(0L);
    // Each step starts when the one before it ended, so one clock read ends a step and starts the
    // next (reading the clock twice a step was 4 % of the router's thread).
    routing.setClassifyStartedAt(clock.millis());
    Classification classification = classifier.classify(question.getQuestion());
    Instant classified = clock.instant();
    routing.setClassifiedAt(classified.toEpochMilli());
    routing.setIntent(classification.intent());
    routing.setConfidence(classification.confidence());

    // Only a question with clause boundaries is classified again, clause by clause.
    Optional<Plan> plan = planner.multiStep(question.getQuestion());
    Route route = router.route(classification.intent());
    Verdict verdict = gates.admit(question, policy, askedAgents(plan, route), classified);
    Instant gated = clock.instant();
    routing.setGateStartedAt(classified.toEpochMilli());
    routing.setGatedAt(gated.toEpochMilli());
    routing.setRoutedAt(gated.toEpochMilli());
    Asker asker = verdict instanceof Verdict.Admitted admitted ? admitted.asker() : ((Verdict.Rejected) verdict).asker();
    if (asker != null) {
      routing.setUserId(asker.userId().orElse(null));
      routing.setRole(name(asker.role()));
    }
    if (verdict instanceof Verdict.Rejected rejected) {
      answerDirectly(question, routing, null, new RoutingSteps.Rejection(name(rejected.reason()), rejected.message()),
          ResponseAssembler.rejected(question, classification, rejected.reason(), rejected.message(),
              rejected.retryAfterMs(), gated), TraceEvents.detail().put("reason", name(rejected.reason())));
      return;
    }

    if (plan.isPresent()) {
      Instant planned = clock.instant();
      routing.setRoutedAt(planned.toEpochMilli());
      outputs.plan(PlanHandoff.of(question, PlanHandoff.lead(classification, plan.get()), plan.get(), planned,
          routing));
      return;
    }
    if (route instanceof Route.ToAgent toAgent) {
      answerFromCacheOrAgent(question, classification, toAgent.agent(), routing, gated);
    } else if (route instanceof Route.AgentNotDeployed notDeployed) {
      answerDirectly(question, routing, null, null, ResponseAssembler.agentNotDeployed(question, classification,
          notDeployed.agent(), clock.instant()), TraceEvents.detail().put("missing_agent", name(notDeployed.agent())));
    } else {
      answerDirectly(question, routing, null, null, ResponseAssembler.outOfScope(question, classification,
          clock.instant()), TraceEvents.detail());
    }
  }

  /** @param lookupStart when the gates let the question through */
  private void answerFromCacheOrAgent(Question question, Classification classification, AgentType agent,
      Routing routing, Instant lookupStart) {
    String cacheKey = CacheKey.of(question.getTenantId(), agent, question.getContextLimit(), question.getQuestion());
    Optional<Response> cached = cache.get(cacheKey, question.getTenantId(), agent, lookupStart);
    Instant looked = clock.instant();
    routing.setCacheStartedAt(lookupStart.toEpochMilli());
    routing.setCacheLookedAt(looked.toEpochMilli());
    if (cached.isPresent()) {
      answerDirectly(question, routing, agent, null, ResponseAssembler.fromCache(question, classification,
          cached.get(), looked), TraceEvents.detail().put("cache_hit", true));
      return;
    }
    routing.setRoutedAt(looked.toEpochMilli());
    routing.setCacheKey(cacheKey);
    routing.setQuestionTokens(TokenRule.of(question.getQuestion()));
    outputs.task(AgentTasks.forQuestion(question, classification, agent, looked, routing));
  }

  /**
   * @param cachedFor the agent whose cached answer this is; null when the cache was not reached
   * @param rejection why the gates turned the question away; null when they did not
   */
  private void answerDirectly(Question question, Routing routing, AgentType cachedFor,
      RoutingSteps.Rejection rejection, Response response, ObjectNode detail) {
    new RoutingSteps(question.getQueryId(), question.getTenantId(), cachedFor, false, routing)
        .write(rejection, outputs::log, outputs::progress);
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

  private static String name(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  /** The agents a question would ask: its plan's, or its route's one. */
  private static Set<AgentType> askedAgents(Optional<Plan> plan, Route route) {
    if (plan.isPresent()) {
      return plan.get().steps().stream().map(step -> step.agent()).collect(Collectors.toUnmodifiableSet());
    }
    return route instanceof Route.ToAgent toAgent ? ONLY.get(toAgent.agent()) : Set.of();
  }
}
