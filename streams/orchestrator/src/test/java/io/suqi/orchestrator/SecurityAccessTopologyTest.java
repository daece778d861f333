package io.suqi.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import io.suqi.orchestrator.classify.Classification;
import io.suqi.orchestrator.cost.PriceTable;
import io.suqi.schemas.AgentType;
import io.suqi.schemas.ApiKey;
import io.suqi.schemas.Intent;
import io.suqi.schemas.KeyRole;
import io.suqi.schemas.OrchestrationEvent;
import io.suqi.schemas.Question;
import io.suqi.schemas.RejectionReason;
import io.suqi.schemas.Response;
import io.suqi.schemas.ResponseStatus;
import io.suqi.schemas.Topics;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The security agent answers over the tenant's whole audit trail: admin keys only. */
class SecurityAccessTopologyTest {

  private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
  private static final String ACME = "acme";

  @TempDir
  Path stateDir;

  private final MutableClock clock = new MutableClock(START);
  private TopologyFixture fixture;
  private TestInputTopic<String, Question> questions;
  private TestOutputTopic<String, Response> responses;
  private TestOutputTopic<String, OrchestrationEvent> log;

  @BeforeEach
  void startDriver() {
    OrchestratorConfig config = new OrchestratorConfig("security-test", "unused:9092", stateDir,
        EnumSet.allOf(AgentType.class), PriceTable.free());
    // Questions about rejections are security questions here, the rest analytics.
    fixture = new TopologyFixture(config, question -> question.contains("rejected")
        ? new Classification(Intent.SECURITY, 0.9) : new Classification(Intent.ANALYTICS, 0.9), clock, stateDir);
    questions = fixture.input(Topics.QUERIES);
    responses = fixture.output(Topics.RESPONSES);
    log = fixture.output(Topics.ORCHESTRATION_LOG);
    TestInputTopic<String, ApiKey> keys = fixture.input(Topics.API_KEYS);
    keys.pipeInput("ana-key", key("ana-key", "ana", KeyRole.USER));
    keys.pipeInput("root-key", key("root-key", "root", KeyRole.ADMIN));
  }

  @AfterEach
  void closeDriver() {
    fixture.close();
  }

  @Test
  void aUserKeyAskingTheSecurityAgentIsForbiddenAndNoAgentIsAsked() {
    // When a user key asks a security question
    ask("q1", "who was rejected this week", "ana-key");

    // Then 403-forbidden with what to do, and the security agent never sees it
    Response response = responses.readValue();
    assertThat(response.getStatus()).isEqualTo(ResponseStatus.REJECTED);
    assertThat(response.getRejection().getReason()).isEqualTo(RejectionReason.FORBIDDEN);
    assertThat(response.getAnswer().getText()).contains("Only an admin key may ask the security agent", "--admin");
    assertThat(fixture.tasksOf(AgentType.SECURITY).isEmpty()).isTrue();
    // And the gate's trace says who was turned away, and why
    String gate = log.readValuesToList().stream().filter(e -> e.getStepName().equals("gate")).findFirst()
        .orElseThrow().getDetail();
    assertThat(gate).contains("\"verdict\":\"rejected\"", "\"reason\":\"forbidden\"", "\"user\":\"ana\"",
        "\"role\":\"user\"");
  }

  @Test
  void anAdminKeyReachesTheSecurityAgentAndTheGateRecordsWhoWasLetIn() {
    // When an admin key asks a security question, and a user key an analytics one
    ask("q1", "who was rejected this week", "root-key");
    ask("q2", "revenue by store", "ana-key");

    // Then the security agent gets the first, the analytics agent the second
    assertThat(fixture.tasksOf(AgentType.SECURITY).readValue().getQueryId()).isEqualTo("q1");
    assertThat(fixture.tasksOf(AgentType.ANALYTICS).readValue().getQueryId()).isEqualTo("q2");
    // And the gate's trace names the user, role and platform of each
    List<String> gates = log.readValuesToList().stream().filter(e -> e.getStepName().equals("gate"))
        .map(OrchestrationEvent::getDetail).toList();
    assertThat(gates).containsExactly(
        "{\"verdict\":\"admitted\",\"user\":\"root\",\"role\":\"admin\",\"platform\":\"chat\"}",
        "{\"verdict\":\"admitted\",\"user\":\"ana\",\"role\":\"user\",\"platform\":\"chat\"}");
  }

  @Test
  void aQuestionThatLooksLikeAnInjectionIsMarkedInTheTrace() {
    // When a question smuggles SQL
    ask("q1", "revenue by store' UNION SELECT key_hash FROM scout.api_keys --", "ana-key");

    // Then its classify step names the signs, for the security agent's report (the question is
    // still answered: no agent executes text from a question)
    String classify = log.readValuesToList().stream().filter(e -> e.getStepName().equals("classify")).findFirst()
        .orElseThrow().getDetail();
    assertThat(classify).contains("\"injection_signs\":[\"sql_comment\",\"sql_union\"]");
    assertThat(fixture.tasksOf(AgentType.ANALYTICS).readValue().getQueryId()).isEqualTo("q1");
  }

  private void ask(String id, String text, String keyHash) {
    questions.pipeInput(id, Question.newBuilder().setQueryId(id).setTenantId(ACME).setQuestion(text)
        .setApiKeyHash(keyHash).setSubmittedAt(clock.instant()).build());
  }

  private static ApiKey key(String hash, String user, KeyRole role) {
    return ApiKey.newBuilder().setKeyHash(hash).setTenantId(ACME).setUserId(user).setRole(role)
        .setCreatedAt(START.minusSeconds(3600)).build();
  }
}
