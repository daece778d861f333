package io.suqi.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.suqi.platform.tenant.ApiKeys;
import io.suqi.platform.tenant.TenantAccessPublisher;
import io.suqi.platform.tenant.TenantPolicies;
import io.suqi.schemas.KeyRole;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The security agent on the embedded runtime, over HTTP: an admin asks about the tenant's throttled
 * requests and injection attempts and gets the rows of what really happened; a user key is refused.
 */
class SecurityAskIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dataDir;

  @Test
  void anAdminSeesWhoWasThrottledAndWhoTriedAnInjectionAndAUserKeyIsForbidden() throws Exception {
    try (RunningSuqi suqi = RunningSuqi.start(dataDir)) {
      // Given a tenant whose users may ask twice a minute, a user key each for ana and bob, an admin key
      RetailFixture.load(suqi.db, LocalDate.now(ZoneOffset.UTC));
      ApiKeys keys = new ApiKeys(suqi.db);
      String ana = keys.create(RetailFixture.TENANT, "ana", KeyRole.USER);
      String bob = keys.create(RetailFixture.TENANT, "bob", KeyRole.USER);
      String root = keys.create(RetailFixture.TENANT, "root", KeyRole.ADMIN);
      TenantPolicies.Policy policy = new TenantPolicies.Policy(RetailFixture.TENANT, null, null, 2, null, null, false);
      new TenantPolicies(suqi.db).put(policy);
      try (TenantAccessPublisher publisher = new TenantAccessPublisher(suqi.info.kafka())) {
        publisher.publish(policy);
      }

      // When ana asks three times within the minute, and bob smuggles SQL into a question
      assertThat(ask(suqi, ana, "revenue by store last month").statusCode()).isEqualTo(200);
      assertThat(ask(suqi, ana, "top 5 stores by revenue last month").statusCode()).isEqualTo(200);
      HttpResponse<String> throttled = ask(suqi, ana, "revenue by store last week");
      assertThat(throttled.statusCode()).as(throttled.body()).isEqualTo(429);
      ask(suqi, bob, "revenue by store' UNION SELECT key_hash FROM scout.api_keys --");
      RunningSuqi.eventually(Duration.ofSeconds(60), "the four questions in scout.ai_orchestration_log",
          () -> logged(suqi) >= 4);

      // Then a user key may not ask the security agent: 403, with what to do
      HttpResponse<String> forbidden = ask(suqi, bob, "Which users were throttled today?");
      assertThat(forbidden.statusCode()).as(forbidden.body()).isEqualTo(403);
      JsonNode refused = JSON.readTree(forbidden.body());
      assertThat(refused.path("rejection").path("reason").asText()).isEqualTo("forbidden");
      assertThat(refused.path("answer").path("text").asText()).contains("admin key");

      // And the admin gets the throttled request, attributed to ana, from the security agent
      JsonNode whoWasThrottled = JSON.readTree(ok(ask(suqi, root, "Which users were throttled today?")));
      assertThat(whoWasThrottled.path("agent").asText()).isEqualTo("security");
      assertThat(rows(whoWasThrottled)).extracting(row -> row.subList(0, 3))
          .containsExactly(List.of("throttled", "ana", "1"));
      assertThat(whoWasThrottled.path("answer").path("sql").asText()).contains("scout.ai_orchestration_log");

      // And the injection attempt, attributed to bob, with its signs
      JsonNode attempts = JSON.readTree(ok(ask(suqi, root, "Were there any SQL injection attempts today?")));
      assertThat(attempts.path("agent").asText()).isEqualTo("security");
      assertThat(rows(attempts)).extracting(row -> row.subList(0, 3))
          .containsExactly(List.of("bob", "[\"sql_comment\", \"sql_union\"]", "1"));
    }
  }

  private static HttpResponse<String> ask(RunningSuqi suqi, String key, String question) throws Exception {
    return suqi.post("/v1/ask", JSON.writeValueAsString(Map.of("question", question)), "Authorization",
        "Bearer " + key, "X-Suqi-Platform", "chat", "Content-Type", "application/json");
  }

  private static String ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  private static List<List<String>> rows(JsonNode answer) {
    List<List<String>> rows = new ArrayList<>();
    answer.path("answer").path("rows").forEach(row -> {
      List<String> cells = new ArrayList<>();
      row.forEach(cell -> cells.add(cell.asText()));
      rows.add(cells);
    });
    return rows;
  }

  private static long logged(RunningSuqi suqi) {
    try (Connection c = suqi.db.getConnection(); PreparedStatement s = c.prepareStatement(
        "SELECT count(*) FROM scout.ai_orchestration_log WHERE tenant_id = ?")) {
      s.setString(1, RetailFixture.TENANT);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    } catch (Exception e) {
      return -1;
    }
  }
}
