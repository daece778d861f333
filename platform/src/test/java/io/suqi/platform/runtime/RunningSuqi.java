package io.suqi.platform.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.suqi.orchestrator.OrchestratorConfig;
import io.suqi.platform.postgres.ConnectionPool;
import io.suqi.schemas.Topics;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/** Test fixture: the embedded runtime on free ports in a given data directory, and a client for it. */
final class RunningSuqi implements AutoCloseable {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  final RuntimeConfig config;
  final SuqiRuntime runtime;
  final RuntimeInfo info;
  final HikariDataSource db;

  private RunningSuqi(RuntimeConfig config) throws IOException {
    this.config = config;
    this.runtime = new SuqiRuntime(config, message -> System.out.println("[suqi] " + message), Clock.systemUTC());
    try {
      this.info = runtime.start();
    } catch (RuntimeException | IOException e) {
      runtime.close();
      throw e;
    }
    this.db = ConnectionPool.open(info.postgres(), "test", 2);
  }

  /** Starts on fresh free ports. */
  static RunningSuqi start(Path dataDir) throws IOException {
    return new RunningSuqi(new RuntimeConfig(dataDir, freePort(), freePort(), freePort(), 0, freePort(),
        "127.0.0.1", EnumSet.allOf(Role.class), "it", Optional.empty(), Optional.empty(), false, Duration.ofSeconds(30)));
  }

  /** Every role on free ports with the demo data loaded, as the benchmarks on the demo data run it. */
  static RuntimeConfig demoConfig(Path dataDir, String instanceId) throws IOException {
    return new RuntimeConfig(dataDir, freePort(), freePort(), freePort(), 0, freePort(), "127.0.0.1",
        EnumSet.allOf(Role.class), instanceId, Optional.empty(), Optional.empty(), true, Duration.ofSeconds(30));
  }

  /** Starts only the gateway, against the Kafka and PostgreSQL of another running suqi. */
  static RunningSuqi gatewayOf(RunningSuqi backend, Path dataDir) throws IOException {
    return new RunningSuqi(new RuntimeConfig(dataDir, freePort(), freePort(), freePort(), 0, freePort(),
        "127.0.0.1", EnumSet.of(Role.GATEWAY), "it-gateway", Optional.of(backend.info.kafka()),
        Optional.of(backend.info.postgres()), false, Duration.ofSeconds(30)));
  }

  /** Starts again with the same ports and data directory as a previous run. */
  static RunningSuqi restart(RuntimeConfig previous) throws IOException {
    return new RunningSuqi(previous);
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  HttpResponse<String> post(String path, String body, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(info.http() + path))
        .timeout(Duration.ofSeconds(60))
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * POST /v1/ask asking for Server-Sent Events: the status, and each event (name, JSON data) in
   * the order the stream delivered them.
   */
  StreamedAnswer askStreaming(String key, String platform, String question) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(info.http() + "/v1/ask"))
        .version(HttpClient.Version.HTTP_1_1)
        .timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + key)
        .header("X-Suqi-Platform", platform)
        .header("Content-Type", "application/json")
        .header("Accept", "text/event-stream")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(java.util.Map.of("question", question))))
        .build();
    HttpResponse<java.util.stream.Stream<String>> response = HTTP.send(request, HttpResponse.BodyHandlers.ofLines());
    java.util.List<StreamedAnswer.Event> events = new java.util.ArrayList<>();
    String name = null;
    try (java.util.stream.Stream<String> lines = response.body()) {
      for (String line : (Iterable<String>) lines::iterator) {
        if (line.startsWith("event: ")) {
          name = line.substring("event: ".length());
        } else if (line.startsWith("data: ")) {
          events.add(new StreamedAnswer.Event(name, JSON.readTree(line.substring("data: ".length()))));
        }
      }
    }
    return new StreamedAnswer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), events);
  }

  /** What an SSE answer delivered. */
  record StreamedAnswer(int status, String contentType, java.util.List<Event> events) {
    record Event(String name, JsonNode data) {}

    java.util.List<JsonNode> steps() {
      return events.stream().filter(e -> e.name().equals("step")).map(Event::data).toList();
    }

    /** The last event, which must be the answer. */
    JsonNode answer() {
      Event last = events.get(events.size() - 1);
      if (!last.name().equals("answer")) {
        throw new AssertionError("the stream did not end with the answer: " + events);
      }
      return last.data();
    }
  }

  /** GET /v1/health: the status code and the report. */
  JsonNode health() throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(info.http() + "/v1/health"))
        .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
    JsonNode report = JSON.readTree(response.body());
    ((com.fasterxml.jackson.databind.node.ObjectNode) report).put("http_status", response.statusCode());
    return report;
  }

  /** The status of one component in a health report. */
  static String componentStatus(JsonNode report, String name) {
    for (JsonNode component : report.path("components")) {
      if (component.path("name").asText().equals(name)) {
        return component.path("status").asText();
      }
    }
    return "missing";
  }

  /** One component of a health report (status and detail). */
  static JsonNode component(JsonNode report, String name) {
    for (JsonNode component : report.path("components")) {
      if (component.path("name").asText().equals(name)) {
        return component;
      }
    }
    throw new AssertionError(name + " not in " + report);
  }

  JsonNode ask(String key, String question) throws Exception {
    HttpResponse<String> response = post("/v1/ask", JSON.writeValueAsString(java.util.Map.of("question", question)),
        "Authorization", "Bearer " + key, "X-Suqi-Platform", "chat", "Content-Type", "application/json");
    if (response.statusCode() != 200) {
      throw new AssertionError("POST /v1/ask answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }

  /** The rows of a query as a client reads them: each cell as text. */
  List<List<String>> rows(String sql) throws java.sql.SQLException {
    List<List<String>> rows = new ArrayList<>();
    try (Connection c = db.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          row.add(rs.getString(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  /**
   * Waits until the router has read every answer the assembler kept for it (suqi.answered): an answer
   * is in the cache, and its tokens counted, once the router's group has committed past it. Measured
   * against the topic's high watermark, so an answer whose transaction is still open is waited for.
   */
  void awaitAnswersKept(Duration timeout) throws InterruptedException {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, info.kafka()))) {
      eventually(timeout, "the router has read every answer the assembler kept (suqi.answered)", () -> {
        try {
          Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
          for (int p = 0; p < Topics.ANSWERED.partitions(); p++) {
            ends.put(new TopicPartition(Topics.ANSWERED.name(), p), OffsetSpec.latest());
          }
          var end = admin.listOffsets(ends).all().get();
          var committed = admin.listConsumerGroupOffsets(OrchestratorConfig.DEFAULT_APPLICATION_ID)
              .partitionsToOffsetAndMetadata().get();
          return end.entrySet().stream().allMatch(e -> e.getValue().offset() == 0
              || committed.get(e.getKey()) != null && committed.get(e.getKey()).offset() >= e.getValue().offset());
        } catch (ExecutionException e) {
          return false;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      });
    }
  }

  static void eventually(Duration timeout, String what, BooleanSupplier condition) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("not within " + timeout + ": " + what);
      }
      Thread.sleep(100);
    }
  }

  @Override
  public void close() {
    db.close();
    runtime.close();
  }
}
