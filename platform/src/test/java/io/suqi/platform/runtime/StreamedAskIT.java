package io.suqi.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.suqi.platform.tenant.ApiKeys;
import io.suqi.platform.tenant.TenantAccessPublisher;
import io.suqi.platform.tenant.TenantPolicies;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Server-Sent Events on /v1/ask, on the real embedded runtime (Kafka broker, PostgreSQL,
 * orchestrator, analytics agent, gateway): a multi-step question streams each step, then the
 * combined answer; a plain question streams its progress; a gate's rejection keeps its status.
 */
class StreamedAskIT {

  /** Figures (analytics, deployed) and advice on them (retail). */
  private static final String FIGURES_AND_ADVICE =
      "Show the top 5 stores by revenue last month and tell me what to stock for Christmas";

  @TempDir
  Path dataDir;

  @Test
  void stepsStreamAsTheyAreAnsweredThenTheCombinedAnswerAndRejectionsKeepTheirStatus() throws Exception {
    try (RunningSuqi suqi = RunningSuqi.start(dataDir)) {
      // Given sales and an API key of one tenant
      RetailFixture.load(suqi.db, LocalDate.now(ZoneOffset.UTC));
      MedallionCaughtUp.await(suqi.db, Duration.ofMinutes(2)); // analytics answers from silver and gold
      String key = new ApiKeys(suqi.db).create(RetailFixture.TENANT);
      List<List<Object>> expected = TopStoresReference.topStoresLastMonth(suqi.db, RetailFixture.TENANT, 5);

      // When a question needing two agents is asked as a stream
      RunningSuqi.StreamedAnswer streamed = suqi.askStreaming(key, "chat", FIGURES_AND_ADVICE);

      // Then the steps come first, as the plan went, and the answer last
      assertThat(streamed.status()).isEqualTo(200);
      assertThat(streamed.contentType()).startsWith("text/event-stream");
      List<JsonNode> steps = streamed.steps();
      assertThat(names(steps)).startsWith("classify", "plan").endsWith("respond");
      JsonNode plan = steps.get(1);
      assertThat(plan.path("message").asText()).contains("1 analytics", "2 retail after 1");
      JsonNode figures = planStep(steps, 1);
      assertThat(figures.path("agent").asText()).isEqualTo("analytics");
      assertThat(figures.path("status").asText()).isEqualTo("answered");
      assertThat(figures.path("text").asText()).startsWith("Top 5 stores by revenue");
      JsonNode advice = planStep(steps, 2);
      assertThat(advice.path("agent").asText()).isEqualTo("retail");
      // the retail agent is deployed now: it answers (or says the fixture has no Christmas sales)
      assertThat(advice.path("status").asText()).isNotEqualTo("not_deployed");
      assertThat(steps.indexOf(figures)).isLessThan(steps.indexOf(advice));

      // And the answer combines them: the figures, and the step that could not run named
      JsonNode answer = streamed.answer();
      assertThat(answer.path("agent").asText()).isEqualTo("analytics");
      assertThat(TopStoresReference.storeRevenues(answer)).isEqualTo(expected);
      assertThat(answer.path("steps")).hasSize(2);
      assertThat(answer.path("steps").get(1).path("depends_on").get(0).asInt()).isEqualTo(1);

      // And the same question without the stream gets the same answer
      JsonNode plain = suqi.ask(key, FIGURES_AND_ADVICE);
      assertThat(plain.path("status").asText()).isEqualTo("partial");
      assertThat(plain.path("answer").path("rows")).isEqualTo(answer.path("answer").path("rows"));
      assertThat(plain.path("steps")).isEqualTo(answer.path("steps"));

      // And the trace has one row per plan step, the log the outcome
      String queryId = answer.path("query_id").asText();
      RunningSuqi.eventually(Duration.ofSeconds(30), "the streamed question logged in scout.*",
          () -> count(suqi.db, "SELECT count(*) FROM scout.ai_orchestration_log WHERE query_id = ? "
              + "AND status = 'partial'", queryId) == 1);
      assertThat(traceNames(suqi.db, queryId)).containsExactly("classify", "gate", "plan", "agent", "agent", "respond");

      // When a one-agent question is asked as a stream
      RunningSuqi.StreamedAnswer single = suqi.askStreaming(key, "chat", "revenue by store last month");

      // Then its progress streams, then the answer as without the stream
      assertThat(single.status()).isEqualTo(200);
      assertThat(names(single.steps())).startsWith("classify", "route").endsWith("respond");
      assertThat(single.answer().path("status").asText()).isEqualTo("answered");
      assertThat(single.answer().has("steps")).isFalse();

      // When the tenant may ask from chat only, and asks as a stream from pos
      TenantPolicies.Policy chatOnly = new TenantPolicies.Policy(RetailFixture.TENANT, List.of("chat"), null, null,
          null, null, false);
      new TenantPolicies(suqi.db).put(chatOnly);
      try (TenantAccessPublisher publisher = new TenantAccessPublisher(suqi.info.kafka())) {
        publisher.publish(chatOnly);
      }
      RunningSuqi.StreamedAnswer rejected = suqi.askStreaming(key, "pos", "revenue by store last month");

      // Then the stream carries the gate's status and the rejection as its answer
      assertThat(rejected.status()).isEqualTo(403);
      assertThat(rejected.contentType()).startsWith("text/event-stream");
      assertThat(rejected.answer().path("status").asText()).isEqualTo("rejected");
      assertThat(rejected.answer().path("rejection").path("reason").asText()).isEqualTo("platform_not_allowed");
    }
  }

  private static List<String> names(List<JsonNode> steps) {
    return steps.stream().map(s -> s.path("step_name").asText()).toList();
  }

  private static JsonNode planStep(List<JsonNode> steps, int number) {
    return steps.stream()
        .filter(s -> s.path("step_name").asText().equals("agent") && s.path("plan_step").asInt() == number)
        .findFirst().orElseThrow(() -> new AssertionError("no result of plan step " + number + " in " + steps));
  }

  private static List<String> traceNames(DataSource db, String queryId) throws Exception {
    List<String> names = new ArrayList<>();
    try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
        "SELECT step_name FROM scout.orchestration_trace WHERE query_id = ? ORDER BY step_number")) {
      s.setString(1, queryId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
    }
    return names;
  }

  private static long count(DataSource db, String sql, String parameter) {
    try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, parameter);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
