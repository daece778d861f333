package io.suqi.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import io.suqi.orchestrator.cache.CacheSettings;
import io.suqi.orchestrator.classify.Classification;
import io.suqi.orchestrator.cost.PriceTable;
import io.suqi.orchestrator.gate.GateSettings;
import io.suqi.schemas.AgentResult;
import io.suqi.schemas.AgentType;
import io.suqi.schemas.Answer;
import io.suqi.schemas.ApiKey;
import io.suqi.schemas.GoldChange;
import io.suqi.schemas.Intent;
import io.suqi.schemas.KeyRole;
import io.suqi.schemas.OrchestrationEvent;
import io.suqi.schemas.Question;
import io.suqi.schemas.RejectionReason;
import io.suqi.schemas.Response;
import io.suqi.schemas.ResponseStatus;
import io.suqi.schemas.ResultStatus;
import io.suqi.schemas.TenantPolicy;
import io.suqi.schemas.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each gate (key, platform, throttle, quota) and the answer cache (hit, expiry, invalidation). */
class GatesAndCacheTopologyTest {

  private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
  private static final String ACME = "acme";
  private static final String GLOBEX = "globex";
  private static final String ACME_KEY = "hash-of-acme-key";
  private static final GateSettings DEFAULTS = new GateSettings(100, 50, 1_000_000, 1_000_000);

  @TempDir
  Path stateDir;

  private final MutableClock clock = new MutableClock(START);
  private TopologyFixture fixture;
  private TestInputTopic<String, Question> questions;
  private TestInputTopic<String, AgentResult> results;
  private TestInputTopic<String, ApiKey> apiKeys;
  private TestInputTopic<String, TenantPolicy> policies;
  private TestInputTopic<String, GoldChange> goldChanges;
  private TestOutputTopic<String, Response> responses;
  private TestOutputTopic<String, OrchestrationEvent> log;
  private int asked;

  @BeforeEach
  void startDriver() {
    OrchestratorConfig config = new OrchestratorConfig("gates-test", "unused:9092", stateDir,
        EnumSet.allOf(AgentType.class), PriceTable.free()).withGates(DEFAULTS).withCache(new CacheSettings(Duration.ofHours(24)));
    // Gates and cache do not depend on the classifier: every question is analytics here.
    fixture = new TopologyFixture(config, question -> new Classification(Intent.ANALYTICS, 0.9), clock, stateDir);
    questions = fixture.input(Topics.QUERIES);
    results = fixture.input(Topics.AGENT_RESULTS);
    apiKeys = fixture.input(Topics.API_KEYS);
    policies = fixture.input(Topics.TENANT_POLICIES);
    goldChanges = fixture.input(Topics.GOLD_CHANGES);
    responses = fixture.output(Topics.RESPONSES);
    log = fixture.output(Topics.ORCHESTRATION_LOG);
    apiKeys.pipeInput(ACME_KEY, key(ACME_KEY, ACME, null));
  }

  @AfterEach
  void closeDriver() {
    fixture.close();
  }

  // --- key gate -------------------------------------------------------------------------------

  @Test
  void a_known_key_of_the_tenant_is_let_through() {
    // When
    String id = ask(question(ACME, "revenue by store").setApiKeyHash(ACME_KEY));

    // Then
    assertThat(fixture.tasksOf(AgentType.ANALYTICS).readValue().getQueryId()).isEqualTo(id);
    assertThat(responses.isEmpty()).isTrue();
  }

  @Test
  void an_unknown_revoked_or_foreign_key_is_rejected_as_unauthenticated_with_the_intent() {
    // Given
    apiKeys.pipeInput("revoked", ApiKey.newBuilder(key("revoked", ACME, null)).setRevokedAt(START.minusSeconds(60)).build());
    apiKeys.pipeInput("globex-key", key("globex-key", GLOBEX, null));

    // When
    ask(question(ACME, "revenue by store").setApiKeyHash("never-issued"));
    ask(question(ACME, "revenue by store").setApiKeyHash("revoked"));
    ask(question(ACME, "revenue by store").setApiKeyHash("globex-key"));

    // Then
    List<Response> rejected = responses.readValuesToList();
    assertThat(rejected).extracting(r -> r.getRejection().getReason()).containsOnly(RejectionReason.UNAUTHENTICATED);
    assertThat(rejected).extracting(Response::getStatus).containsOnly(ResponseStatus.REJECTED);
    assertThat(rejected).extracting(Response::getIntent).containsOnly(Intent.ANALYTICS);
    assertThat(rejected).extracting(r -> r.getAnswer().getText())
        .satisfiesExactly(t -> assertThat(t).contains("unknown API key"), t -> assertThat(t).contains("revoked"),
            t -> assertThat(t).contains("does not belong to tenant acme"));
    assertThat(fixture.tasksOf(AgentType.ANALYTICS).isEmpty()).isTrue();
  }

  @Test
  void a_key_revoked_after_its_first_question_is_rejected_from_then_on() {
    // Given: a question already let through with the key
    ask(question(ACME, "revenue by store").setApiKeyHash(ACME_KEY));
    assertThat(fixture.tasksOf(AgentType.ANALYTICS).readValuesToList()).hasSize(1);

    // When
    apiKeys.pipeInput(ACME_KEY, ApiKey.newBuilder(key(ACME_KEY, ACME, null)).setRevokedAt(START).build());
    ask(question(ACME, "units by store").setApiKeyHash(ACME_KEY));

    // Then
    Response rejected = responses.readValue();
    assertThat(rejected.getRejection().getReason()).isEqualTo(RejectionReason.UNAUTHENTICATED);
    assertThat(rejected.getAnswer().getText()).contains("revoked");
    assertThat(fixture.tasksOf(AgentType.ANALYTICS).isEmpty()).isTrue();
  }

  @Test
  void a_rejection_is_logged_with_its_reason() {
    // When
    String id = ask(question(ACME, "revenue by store").setApiKeyHash("never-issued"));

    // Then
    List<OrchestrationEvent> events = log.readValuesToList();
    assertThat(events).extracting(OrchestrationEvent::getStepName).containsExactly("classify", "gate", "respond");
    assertThat(events.get(1).getDetail()).contains("\"verdict\":\"rejected\"", "\"reason\":\"unauthenticated\"");
    assertThat(events.get(2).getOutcome().getStatus()).isEqualTo("rejected");
    assertThat(events).allSatisfy(e -> assertThat(e.getQueryId()).isEqualTo(id));
  }

  // --- platform gate --------------------------------------------------------------------------

  @Test
  void a_tenant_restricted_to_some_platforms_is_rejected_from_the_others() {
    // Given
    policies.pipeInput(ACME, policy(ACME).setPlatforms(List.of("pos", "Analytics")).build());

    // When
    ask(question(ACME, "revenue by store").setPlatform("chat"));
    String fromPos = ask(question(ACME, "revenue by store").setPlatform("pos"));
    String fromAnalytics = ask(question(ACME, "units by store").setPlatform("analytics"));
    String otherTenant = ask(question(GLOBEX, "revenue by store").setPlatform("chat"));

    // Then
    Response rejected = responses.readValue();
    assertThat(rejected.getRejection().getReason()).isEqualTo(RejectionReason.PLATFORM_NOT_ALLOWED);
    assertThat(rejected.getAnswer().getText()).contains("'chat'", "allowed: pos, Analytics");
    assertThat(responses.isEmpty()).isTrue();
    assertThat(fixture.tasksOf(AgentType.ANALYTICS).readValuesToList()).extracting(t -> t.getQueryId())
        .containsExactly(fromPos, fromAnalytics, otherTenant);
  }

  // --- throttle ---------------------------------------------------------------------------------

  @Test
  void a_user_over_their_questions_per_minute_is_throttled_until_the_bucket_refills() {
    // Given: ana may ask 2 questions a minute
    policies.pipeInput(ACME, policy(ACME).setUserQuestionsPerMinute(2).build());

    // When
    ask(question(ACME, "q one").setUserId("ana"));
    ask(question(ACME, "q two").setUserId("ana"));
    ask(question(ACME, "q three").setUserId("ana"));
    ask(question(ACME, "q four").setUserId("bob"));

    // Then
    Response throttled = responses.readValue();
    assertThat(throttled.getRejection().getReason()).isEqualTo(RejectionReason.THROTTLED);
    assertThat(throttled.getRejection().getRetryAfterMs()).isEqualTo(30_000); // one token per 30 s
    assertThat(throttled.getAnswer().getText()).contains("user ana", "2 questions per minute");
    assertThat(fixture.tasksOf(AgentType.ANALYTICS).readValuesToList()).hasSize(3);

    // And after the retry time, ana may ask again
    clock.advance(Duration.ofSeconds(30));
    ask(question(ACME, "q five").setUserId("ana"));
    assertThat(responses.isEmpty()).isTrue();
    assertThat(fixture.tasksOf(AgentType.ANALYTICS).readValuesToList()).hasSize(1);
  }

  @Test
  void a_tenant_over_its_questions_per_minute_is_throttled_whoever_asks() {
    // Given
    policies.pipeInput(ACME, policy(ACME).setQuestionsPerMinute(3).build());

    // When
    for (String user : List.of("ana", "bob", "cy", "dee")) {
      ask(question(ACME, "revenue for " + user).setUserId(user));
    }
    ask(question(GLOBEX, "revenue"));

    // Then
    Response throttled = responses.readValue();
    assertThat(throttled.getRejection().getReason()).isEqualTo(RejectionReason.THROTTLED);
    assertThat(throttled.getAnswer().getText()).contains("tenant acme");
    assertThat(responses.isEmpty()).isTrue();
    assertThat(fixture.tasksOf(AgentType.ANALYTICS).readValuesToList()).hasSize(4);
  }

  // --- token quota ------------------------------------------------------------------------------

  @Test
  void once_the_days_tokens_are_used_questions_are_rejected_until_midnight_utc() {
    // Given: acme may use 1,000 tokens a day and a result used 1,000
    policies.pipeInput(ACME, policy(ACME).setTokensPerDay(1_000L).build());
    String first = ask(question(ACME, "revenue by store"));
    results.pipeInput(first, result(first, ACME, ResultStatus.OK, 1_000));
    responses.readValue();

    // When
    ask(question(ACME, "units by store"));
    ask(question(GLOBEX, "units by store"));

    // Then
    Response rejected = responses.readValue();
    assertThat(rejected.getRejection().getReason()).isEqualTo(RejectionReason.QUOTA_EXCEEDED);
    assertThat(rejected.getRejection().getRetryAfterMs())
        .isEqualTo(Duration.between(START, Instant.parse("2026-03-03T00:00:00Z")).toMillis());
    assertThat(fixture.tasksOf(AgentType.ANALYTICS).readValuesToList()).hasSize(2); // first, and globex's

    // And the next UTC day the quota is fresh
    clock.advance(Duration.ofHours(15));
    ask(question(ACME, "units by store"));
    assertThat(responses.isEmpty()).isTrue();
  }

  @Test
  void the_days_tokens_add_up_across_the_questions_let_through_in_between() {
    // Given: acme may use 1,000 tokens a day; a first answer used 600, and a second question was let
    // through (taking a throttle token) before its answer used 600 more
    policies.pipeInput(ACME, policy(ACME).setTokensPerDay(1_000L).build());
    String first = ask(question(ACME, "revenue by store"));
    results.pipeInput(first, result(first, ACME, ResultStatus.OK, 600));
    String second = ask(question(ACME, "units by store"));
    results.pipeInput(second, result(second, ACME, ResultStatus.OK, 600));
    assertThat(responses.readValuesToList()).extracting(Response::getStatus)
        .containsExactly(ResponseStatus.ANSWERED, ResponseStatus.ANSWERED);

    // When
    ask(question(ACME, "margin by store"));

    // Then: 1,200 tokens used
    assertThat(responses.readValue().getRejection().getReason()).isEqualTo(RejectionReason.QUOTA_EXCEEDED);
  }

  @Test
  void a_users_tokens_count_against_their_own_quota() {
    // Given
    policies.pipeInput(ACME, policy(ACME).setUserTokensPerDay(500L).build());
    String first = ask(question(ACME, "revenue by store").setUserId("ana"));
    results.pipeInput(first, result(first, ACME, ResultStatus.OK, 600));
    responses.readValue();

    // When
    ask(question(ACME, "units by store").setUserId("ana"));
    ask(question(ACME, "units by store").setUserId("bob"));

    // Then
    Response rejected = responses.readValue();
    assertThat(rejected.getRejection().getReason()).isEqualTo(RejectionReason.QUOTA_EXCEEDED);
    assertThat(rejected.getAnswer().getText()).contains("user ana");
    assertThat(responses.isEmpty()).isTrue();
  }

  // --- cache ------------------------------------------------------------------------------------

  @Test
  void the_same_question_again_is_answered_from_the_cache_without_an_agent() {
    // Given
    String first = ask(question(ACME, "Top 5 stores by revenue?"));
    results.pipeInput(first, result(first, ACME, ResultStatus.OK, 120));
    Response answered = responses.readValue();
    fixture.tasksOf(AgentType.ANALYTICS).readValuesToList();
    clock.advance(Duration.ofMinutes(5));

    // When: the same question, worded with other case, spacing and punctuation
    String again = ask(question(ACME, "  top 5 STORES by revenue "));

    // Then
    Response hit = responses.readValue();
    assertThat(hit.getCacheHit()).isTrue();
    assertThat(hit.getQueryId()).isEqualTo(again);
    assertThat(hit.getAnswer()).isEqualTo(answered.getAnswer());
    assertThat(hit.getAgent()).isEqualTo(AgentType.ANALYTICS);
    assertThat(hit.getStatus()).isEqualTo(ResponseStatus.ANSWERED);
    assertThat(hit.getLatencyMs()).isZero();
    assertThat(fixture.tasksOf(AgentType.ANALYTICS).isEmpty()).isTrue();
    List<OrchestrationEvent> events = log.readValuesToList();
    OrchestrationEvent last = events.get(events.size() - 1);
    assertThat(last.getOutcome().getCacheHit()).isTrue();
    assertThat(last.getOutcome().getTokensUsed()).isZero();
  }

  @Test
  void another_tenant_or_another_context_limit_is_not_served_from_the_cache() {
    // Given
    String first = ask(question(ACME, "revenue by store"));
    results.pipeInput(first, result(first, ACME, ResultStatus.OK, 120));
    responses.readValue();

    // When
    ask(question(GLOBEX, "revenue by store"));
    ask(question(ACME, "revenue by store").setContextLimit(3));

    // Then
    assertThat(responses.isEmpty()).isTrue();
    assertThat(fixture.tasksOf(AgentType.ANALYTICS).readValuesToList()).hasSize(3);
  }

  @Test
  void a_failed_answer_is_not_cached() {
    // Given
    String first = ask(question(ACME, "revenue by store"));
    results.pipeInput(first, result(first, ACME, ResultStatus.FAILED, 0));
    responses.readValue();

    // When
    ask(question(ACME, "revenue by store"));

    // Then
    assertThat(responses.isEmpty()).isTrue();
    assertThat(fixture.tasksOf(AgentType.ANALYTICS).readValuesToList()).hasSize(2);
  }

  @Test
  void a_cached_answer_expires_after_its_time_to_live() {
    // Given: an answer of the rag agent (no midnight cut), cached at 09:00
    String first = ask(question(ACME, "returns policy"));
    results.pipeInput(first, AgentResult.newBuilder(result(first, ACME, ResultStatus.OK, 10)).setAgent(AgentType.RAG)
        .build());
    responses.readValue();

    // When: 23 h 59 min later, then 24 h later
    clock.advance(Duration.ofHours(24).minusMinutes(1));
    ask(question(ACME, "returns policy"));
    Response stillCached = responses.readValue();
    clock.advance(Duration.ofMinutes(1));
    ask(question(ACME, "returns policy"));

    // Then
    assertThat(stillCached.getCacheHit()).isTrue();
    assertThat(responses.isEmpty()).isTrue();
    assertThat(fixture.tasksOf(AgentType.ANALYTICS).readValuesToList()).hasSize(2);
  }

  @Test
  void an_analytics_answer_ends_at_midnight_utc_when_its_time_words_move_on() {
    // Given: cached at 09:00
    String first = ask(question(ACME, "revenue yesterday"));
    results.pipeInput(first, result(first, ACME, ResultStatus.OK, 10));
    responses.readValue();

    // When: the next day
    clock.advance(Duration.ofHours(15));
    ask(question(ACME, "revenue yesterday"));

    // Then
    assertThat(responses.isEmpty()).isTrue();
    assertThat(fixture.tasksOf(AgentType.ANALYTICS).readValuesToList()).hasSize(2);
  }

  @Test
  void a_change_of_the_tenants_gold_tables_invalidates_its_cached_analytics_answers_only() {
    // Given: both tenants have a cached answer
    String acme = ask(question(ACME, "revenue by store"));
    results.pipeInput(acme, result(acme, ACME, ResultStatus.OK, 10));
    String globex = ask(question(GLOBEX, "revenue by store"));
    results.pipeInput(globex, result(globex, GLOBEX, ResultStatus.OK, 10));
    responses.readValuesToList();
    fixture.tasksOf(AgentType.ANALYTICS).readValuesToList();
    clock.advance(Duration.ofMinutes(1));

    // When the lakehouse reports a change of acme's gold tables
    goldChanges.pipeInput(ACME, GoldChange.newBuilder().setTenantId(ACME).setChangedAt(START).build());
    ask(question(ACME, "revenue by store"));
    ask(question(GLOBEX, "revenue by store"));

    // Then acme's question goes to the agent again; globex's is still a hit
    List<Response> answered = responses.readValuesToList();
    assertThat(answered).hasSize(1);
    assertThat(answered.get(0).getTenantId()).isEqualTo(GLOBEX);
    assertThat(answered.get(0).getCacheHit()).isTrue();
    assertThat(fixture.tasksOf(AgentType.ANALYTICS).readValue().getTenantId()).isEqualTo(ACME);
  }

  // --- debug mode -------------------------------------------------------------------------------

  @Test
  void debug_mode_adds_each_steps_detail_to_the_trace_per_request_and_per_tenant() {
    // Given: one question asks for debug; globex's policy asks for it on every question
    policies.pipeInput(GLOBEX, policy(GLOBEX).setDebug(true).build());
    String plain = ask(question(ACME, "revenue by store"));
    String perRequest = ask(question(ACME, "units by store").setDebug(true));
    String perTenant = ask(question(GLOBEX, "units by store"));
    for (String id : List.of(plain, perRequest, perTenant)) {
      results.pipeInput(id, result(id, id.equals(perTenant) ? GLOBEX : ACME, ResultStatus.OK, 10));
    }

    // Then
    List<OrchestrationEvent> events = log.readValuesToList();
    assertThat(detail(events, plain, "classify")).doesNotContain("\"question\"");
    assertThat(detail(events, plain, "agent")).doesNotContain("\"sql\"");
    assertThat(detail(events, perRequest, "classify")).contains("\"question\":\"units by store\"");
    assertThat(detail(events, perRequest, "agent")).contains("\"sql\":\"SELECT 1\"", "\"row_count\":1",
        "\"answer_text\":\"Store 1 leads with 1,200.50\"");
    assertThat(detail(events, perTenant, "agent")).contains("\"sql\":\"SELECT 1\"");
  }

  private static String detail(List<OrchestrationEvent> events, String queryId, String step) {
    return events.stream().filter(e -> e.getQueryId().equals(queryId) && e.getStepName().equals(step))
        .findFirst().orElseThrow().getDetail();
  }

  // --- fixtures -----------------------------------------------------------------------------------

  private String ask(Question.Builder question) {
    String id = "q" + (++asked);
    questions.pipeInput(id, question.setQueryId(id).setSubmittedAt(clock.instant()).build());
    return id;
  }

  private static Question.Builder question(String tenant, String text) {
    return Question.newBuilder().setQueryId("unset").setTenantId(tenant).setQuestion(text).setSubmittedAt(START);
  }

  private ApiKey key(String hash, String tenant, String user) {
    return ApiKey.newBuilder().setKeyHash(hash).setTenantId(tenant).setUserId(user).setRole(KeyRole.USER)
        .setCreatedAt(START.minusSeconds(3600)).build();
  }

  private TenantPolicy.Builder policy(String tenant) {
    return TenantPolicy.newBuilder().setTenantId(tenant).setUpdatedAt(START);
  }

  private AgentResult result(String queryId, String tenant, ResultStatus status, long tokens) {
    return AgentResult.newBuilder().setQueryId(queryId).setTenantId(tenant).setAgent(AgentType.ANALYTICS)
        .setStepNumber(1).setStatus(status)
        .setAnswer(Answer.newBuilder().setText("Store 1 leads with 1,200.50").setSql("SELECT 1")
            .setColumns(List.of("store", "revenue")).setRows(List.of(List.of("Store 1", "1200.50"))).build())
        .setTokensUsed(tokens).setDurationMs(5).setCompletedAt(clock.instant()).build();
  }
}
