package io.suqi.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.suqi.platform.tenant.ApiKeys;
import io.suqi.platform.tenant.TenantAccessPublisher;
import io.suqi.platform.tenant.TenantPolicies;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gates and the cache on the real runtime, over HTTP: a restricted platform is 403, a user
 * over their questions per minute is 429 with Retry-After, and both the throttle and the cached
 * answers are still there after the runtime is stopped and started again.
 */
class GatesAcrossRestartIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String QUESTION = "{\"question\": \"Show the top 5 stores by revenue last month\"}";

  @TempDir
  Path dataDir;

  @Test
  void platformAndThrottleAreEnforcedAndThrottleAndCacheSurviveARestart() throws Exception {
    RuntimeConfig config;
    String key;
    JsonNode first;
    try (RunningSuqi suqi = RunningSuqi.start(dataDir)) {
      config = suqi.config;
      // Given a tenant that may ask from chat only, 2 questions a minute per user
      RetailFixture.load(suqi.db, LocalDate.now(ZoneOffset.UTC));
      // The fixture's rows reach gold through CDC; the gold-change notice that follows would (rightly)
      // invalidate answers cached before it. Wait for gold, then for that last notice: it goes out at
      // most 1 s after the change and is visible at the next checkpoint (1 s).
      var expected = PosSales.completedSalesInRetail(suqi.db);
      RunningSuqi.eventually(Duration.ofSeconds(120), "the fixture in gold.sales_daily",
          () -> PosSales.goldSalesDaily(suqi.db).equals(expected));
      Thread.sleep(3_000);
      key = new ApiKeys(suqi.db).create(RetailFixture.TENANT);
      TenantPolicies.Policy policy = new TenantPolicies.Policy(RetailFixture.TENANT, List.of("chat"), null, 2,
          null, null, false);
      new TenantPolicies(suqi.db).put(policy);
      try (TenantAccessPublisher publisher = new TenantAccessPublisher(suqi.info.kafka())) {
        publisher.publish(policy);
      }

      // When ana asks from another platform: 403 with the reason, and the intent
      HttpResponse<String> forbidden = ask(suqi, key, "pos", "ana");
      assertThat(forbidden.statusCode()).isEqualTo(403);
      JsonNode rejected = JSON.readTree(forbidden.body());
      assertThat(rejected.path("status").asText()).isEqualTo("rejected");
      assertThat(rejected.path("intent").asText()).isEqualTo("analytics");
      assertThat(rejected.path("rejection").path("reason").asText()).isEqualTo("platform_not_allowed");
      assertThat(rejected.path("answer").path("text").asText()).contains("'pos'", "allowed: chat");

      // And asks twice from chat: answered, then (once the router has it) answered from the cache
      first = JSON.readTree(ok(ask(suqi, key, "chat", "ana")));
      assertThat(first.path("cache_hit").asBoolean()).isFalse();
      suqi.awaitAnswersKept(Duration.ofSeconds(10));
      JsonNode second = JSON.readTree(ok(ask(suqi, key, "chat", "ana")));
      assertThat(second.path("cache_hit").asBoolean()).isTrue();
      assertThat(second.path("answer").path("rows")).isEqualTo(first.path("answer").path("rows"));
    }

    // When the runtime is stopped and started again on the same data directory
    try (RunningSuqi suqi = RunningSuqi.restart(config)) {
      // Then ana's third question within the minute is throttled: the buckets were kept
      HttpResponse<String> throttled = ask(suqi, key, "chat", "ana");
      assertThat(throttled.statusCode()).as(throttled.body()).isEqualTo(429);
      assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
      assertThat(JSON.readTree(throttled.body()).path("rejection").path("reason").asText()).isEqualTo("throttled");

      // And bob gets the cached answer: the cache was kept
      JsonNode cached = JSON.readTree(ok(ask(suqi, key, "chat", "bob")));
      assertThat(cached.path("cache_hit").asBoolean()).isTrue();
      assertThat(cached.path("answer").path("rows")).isEqualTo(first.path("answer").path("rows"));
    }
  }

  private static HttpResponse<String> ask(RunningSuqi suqi, String key, String platform, String user) throws Exception {
    return suqi.post("/v1/ask", QUESTION, "Authorization", "Bearer " + key, "X-Suqi-Platform", platform,
        "X-Suqi-User", user, "Content-Type", "application/json");
  }

  private static String ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }
}
