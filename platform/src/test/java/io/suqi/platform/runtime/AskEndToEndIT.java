package io.suqi.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.suqi.platform.tenant.ApiKeys;
import io.suqi.schemas.DeadLetter;
import io.suqi.schemas.Topics;
import java.nio.charset.StandardCharsets;
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
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walking skeleton end to end, on the real embedded runtime (Kafka KRaft broker, PostgreSQL,
 * Kafka Streams orchestrator, analytics agent, HTTP gateway): rows inserted in retail.* are
 * answered over HTTP, identical to the same aggregate in SQL, before and after a restart.
 */
class AskEndToEndIT {

  private static final String QUESTION = "Show the top 5 stores by revenue last month";

  @TempDir
  Path dataDir;

  @Test
  void topStoresLastMonthMatchSqlBeforeAndAfterARestart() throws Exception {
    RuntimeConfig config;
    String key;
    List<List<Object>> expected;
    try (RunningSuqi suqi = RunningSuqi.start(dataDir)) {
      config = suqi.config;
      // Given sales of two tenants and an API key for one of them
      RetailFixture.load(suqi.db, LocalDate.now(ZoneOffset.UTC));
      MedallionCaughtUp.await(suqi.db, Duration.ofMinutes(2)); // analytics answers from silver and gold
      key = new ApiKeys(suqi.db).create(RetailFixture.TENANT);
      expected = TopStoresReference.topStoresLastMonth(suqi.db, RetailFixture.TENANT, 5);
      assertThat(expected).hasSize(5);

      // When the analyst asks over HTTP
      JsonNode answer = suqi.ask(key, QUESTION);

      // Then the rows are the SQL aggregate, from the analytics agent, for that tenant only
      assertThat(answer.path("status").asText()).isEqualTo("answered");
      assertThat(answer.path("intent").asText()).isEqualTo("analytics");
      assertThat(answer.path("agent").asText()).isEqualTo("analytics");
      assertThat(answer.path("cache_hit").asBoolean()).isFalse();
      assertThat(answer.path("answer").path("sql").asText()).containsIgnoringCase("select");
      assertThat(TopStoresReference.storeRevenues(answer)).isEqualTo(expected);

      // And every step of it is in the orchestration log, trace and metrics view
      String queryId = answer.path("query_id").asText();
      RunningSuqi.eventually(Duration.ofSeconds(30), "the question logged in scout.*",
          () -> count(suqi.db, "SELECT count(*) FROM scout.ai_orchestration_log WHERE query_id = ?", queryId) == 1);
      assertThat(count(suqi.db, "SELECT count(*) FROM scout.orchestration_trace WHERE query_id = ?", queryId))
          .isGreaterThanOrEqualTo(3);
      assertThat(count(suqi.db, "SELECT coalesce(sum(queries),0) FROM scout.ai_orchestration_metrics "
          + "WHERE agent_type = ?", "analytics")).isGreaterThanOrEqualTo(1);

      // And the health report has every part of the process up, every agent included
      JsonNode health = suqi.health();
      assertThat(health.path("http_status").asInt()).as(health.toString()).isEqualTo(200);
      for (String part : List.of("kafka", "postgres", "orchestrator", "agent.analytics", "agent.rag", "agent.retail",
          "agent.security", "agent.ml", "connector.retail-cdc",
          "connector.sql-questions", "lakehouse")) {
        assertThat(RunningSuqi.componentStatus(health, part)).as(part + " in " + health).isEqualTo("UP");
      }
      // And, idle again, the agent has no lag: the commit marker after its task counts as read
      RunningSuqi.eventually(Duration.ofSeconds(30), "agent.analytics at lag 0 once idle", () -> {
        try {
          return RunningSuqi.component(suqi.health(), "agent.analytics").path("detail").path("lag").asLong(-1) == 0;
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
    }

    // When the system is stopped and started again on the same data directory
    try (RunningSuqi suqi = RunningSuqi.restart(config)) {
      JsonNode answer = suqi.ask(key, QUESTION);

      // Then the same data and key answer the same question the same way
      assertThat(answer.path("status").asText()).isEqualTo("answered");
      assertThat(TopStoresReference.storeRevenues(answer)).isEqualTo(expected);
    }
  }

  @Test
  void badRequestsAreRefusedWithAReasonAndAMalformedQueryGoesToTheDeadLetterTopic() throws Exception {
    try (RunningSuqi suqi = RunningSuqi.start(dataDir)) {
      RetailFixture.load(suqi.db, LocalDate.now(ZoneOffset.UTC));
      MedallionCaughtUp.await(suqi.db, Duration.ofMinutes(2)); // analytics answers from silver and gold
      String key = new ApiKeys(suqi.db).create(RetailFixture.TENANT);
      String json = "Content-Type";

      // No key, an unknown key: 401
      assertThat(suqi.post("/v1/ask", "{\"question\":\"total revenue\"}", json, "application/json").statusCode())
          .isEqualTo(401);
      assertThat(suqi.post("/v1/ask", "{\"question\":\"total revenue\"}", "Authorization",
          "Bearer suqi_not-a-real-key", json, "application/json").statusCode()).isEqualTo(401);

      // Malformed JSON, no question, a question of the wrong type: 400 saying what is wrong
      var malformed = suqi.post("/v1/ask", "{\"question\":", "Authorization", "Bearer " + key);
      assertThat(malformed.statusCode()).isEqualTo(400);
      assertThat(malformed.body()).contains("not valid JSON");
      var noQuestion = suqi.post("/v1/ask", "{\"context_limit\": 5}", "Authorization", "Bearer " + key);
      assertThat(noQuestion.statusCode()).isEqualTo(400);
      assertThat(noQuestion.body()).contains("\\\"question\\\" is required");
      assertThat(suqi.post("/v1/ask", "{\"question\": 42}", "Authorization", "Bearer " + key).statusCode())
          .isEqualTo(400);

      // A record on suqi.queries that is not a Question
      try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
          ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, suqi.info.kafka(), ProducerConfig.ACKS_CONFIG, "all"),
          new StringSerializer(), new ByteArraySerializer())) {
        producer.send(new ProducerRecord<>(Topics.QUERIES.name(), "junk-1",
            "{\"question\":\"plain json, not avro\"}".getBytes(StandardCharsets.UTF_8))).get();
      }

      // goes to the dead-letter topic with its reason ...
      List<DeadLetter> deadLetters = readAll(suqi.info.kafka(), 1);
      assertThat(deadLetters).singleElement().satisfies(dead -> {
        assertThat(dead.getSourceTopic()).isEqualTo(Topics.QUERIES.name());
        assertThat(dead.getReason()).contains("not a Question");
        assertThat(StandardCharsets.UTF_8.decode(dead.getValue().duplicate()).toString()).contains("plain json");
      });

      // ... and the next question is still answered
      JsonNode answer = suqi.ask(key, "revenue by store last month");
      assertThat(answer.path("status").asText()).isEqualTo("answered");
      assertThat(answer.path("answer").path("rows")).isNotEmpty();
    }
  }

  @Test
  void aGatewayOnItsOwnAnswersThroughExternalKafkaAndPostgres(@TempDir Path gatewayDir) throws Exception {
    try (RunningSuqi backend = RunningSuqi.start(dataDir);
        // Given a second process running only the gateway, pointed at the first one's services
        RunningSuqi gateway = RunningSuqi.gatewayOf(backend, gatewayDir)) {
      RetailFixture.load(backend.db, LocalDate.now(ZoneOffset.UTC));
      MedallionCaughtUp.await(backend.db, Duration.ofMinutes(2)); // analytics answers from silver and gold
      String key = new ApiKeys(backend.db).create(RetailFixture.TENANT);

      // When a question arrives at that gateway
      JsonNode answer = gateway.ask(key, QUESTION);

      // Then the orchestrator and agent of the other process answer it
      assertThat(gateway.info.kafka()).isEqualTo(backend.info.kafka());
      assertThat(answer.path("status").asText()).isEqualTo("answered");
      assertThat(TopStoresReference.storeRevenues(answer)).isEqualTo(TopStoresReference.topStoresLastMonth(backend.db, RetailFixture.TENANT, 5));

      // And its health report sees the other process's orchestrator and agent through their consumer groups
      JsonNode health = gateway.health();
      assertThat(RunningSuqi.componentStatus(health, "orchestrator")).as(health.toString()).isEqualTo("UP");
      assertThat(RunningSuqi.componentStatus(health, "agent.analytics")).as(health.toString()).isEqualTo("UP");
      assertThat(RunningSuqi.componentStatus(health, "lakehouse")).isEqualTo("ABSENT");
    }
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

  private static List<DeadLetter> readAll(String bootstrap, int atLeast) throws InterruptedException {
    List<DeadLetter> letters = new ArrayList<>();
    try (KafkaConsumer<String, DeadLetter> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG, "it-dlq",
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
        Topics.QUERIES_DEAD_LETTER.keySerde().deserializer(), Topics.QUERIES_DEAD_LETTER.valueSerde().deserializer())) {
      consumer.subscribe(List.of(Topics.QUERIES_DEAD_LETTER.name()));
      RunningSuqi.eventually(Duration.ofSeconds(30), "a dead letter on " + Topics.QUERIES_DEAD_LETTER, () -> {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> letters.add(r.value()));
        return letters.size() >= atLeast;
      });
    }
    return letters;
  }
}
