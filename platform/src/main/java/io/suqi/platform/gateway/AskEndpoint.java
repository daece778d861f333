package io.suqi.platform.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import io.suqi.platform.tenant.ApiKeys;
import io.suqi.schemas.Question;
import io.suqi.schemas.Response;
import io.suqi.schemas.TenantPartitioner;
import io.suqi.schemas.Topics;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * POST /v1/ask: verifies the API key, publishes the question to suqi.queries and waits for its
 * response on suqi.responses; with {@code Accept: text/event-stream}, streams its progress steps
 * and then the answer ({@link StreamedAsk}).
 */
final class AskEndpoint implements AutoCloseable {

  private final GatewayConfig config;
  private final ApiKeys apiKeys;
  private final ObjectMapper json;
  private final AnswerJson answers;
  private final KafkaProducer<String, Question> producer;
  private final ResponseWaiter responses;
  private final StepFeed steps;
  private final StreamedAsk streamed;
  private final KeyAnnouncer keys;
  private final KeyCheck keyCheck;

  AskEndpoint(GatewayConfig config, ApiKeys apiKeys, ObjectMapper json) {
    this.config = config;
    this.apiKeys = apiKeys;
    this.json = json;
    this.answers = new AnswerJson(json);
    this.producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
        ProducerConfig.LINGER_MS_CONFIG, 0,
        // The orchestrator keeps each tenant's quotas and cache in the task of its partition.
        ProducerConfig.PARTITIONER_CLASS_CONFIG, TenantPartitioner.class.getName()),
        Topics.QUERIES.keySerde().serializer(), Topics.QUERIES.valueSerde().serializer());
    this.responses = new ResponseWaiter(config.bootstrapServers());
    this.steps = new StepFeed(config.bootstrapServers());
    this.streamed = new StreamedAsk(responses, steps, answers, json, config.askTimeout());
    this.keys = new KeyAnnouncer(apiKeys, config.bootstrapServers());
    this.keyCheck = new KeyCheck(apiKeys);
  }

  void handle(HttpExchange exchange) throws IOException {
    long started = System.nanoTime();
    if (!"POST".equals(exchange.getRequestMethod())) {
      exchange.getResponseHeaders().set("Allow", "POST");
      error(exchange, 405, "use POST with a JSON body {\"question\": \"...\"}");
      return;
    }
    Optional<String> key = bearerKey(exchange);
    Optional<String> tenant = tenantOf(key);
    if (tenant.isEmpty()) {
      exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
      error(exchange, 401, "missing or unknown API key: send 'Authorization: Bearer KEY' "
          + "(create one with: bin/suqi tenant create NAME)");
      return;
    }
    AskRequest request;
    try {
      request = AskRequest.parse(json, exchange.getRequestBody().readAllBytes());
    } catch (AskRequest.BadRequest e) {
      error(exchange, 400, e.getMessage());
      return;
    }
    String platform = Optional.ofNullable(exchange.getRequestHeaders().getFirst("X-Suqi-Platform"))
        .filter(p -> !p.isBlank()).orElse(GatewayConfig.DEFAULT_PLATFORM);
    Optional<String> user = Optional.ofNullable(exchange.getRequestHeaders().getFirst("X-Suqi-User"))
        .map(String::strip).filter(u -> !u.isEmpty());
    String queryId = UUID.randomUUID().toString();
    Question question = Question.newBuilder()
        .setQueryId(queryId)
        .setTenantId(tenant.get())
        .setPlatform(platform)
        .setUserId(user.orElse(null))
        .setApiKeyHash(ApiKeys.hash(key.get()))
        .setDebug("true".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("X-Suqi-Debug")))
        .setQuestion(request.question())
        .setContextLimit(request.contextLimit())
        .setSubmittedAt(Instant.now())
        .build();
    if (wantsEvents(exchange)) {
      stream(exchange, question, started);
      return;
    }
    CompletableFuture<Response> response = responses.expect(queryId);
    try {
      publish(question);
      Response answer = response.get(config.askTimeout().toMillis(), TimeUnit.MILLISECONDS);
      HttpStatus status = HttpStatus.of(answer);
      status.retryAfterSeconds().ifPresent(seconds ->
          exchange.getResponseHeaders().set("Retry-After", Long.toString(seconds)));
      HttpGateway.send(exchange, status.code(), json.writeValueAsBytes(answers.answered(answer, millisSince(started))));
    } catch (TimeoutException e) {
      responses.forget(queryId);
      HttpGateway.send(exchange, 202, json.writeValueAsBytes(answers.timedOut(queryId, millisSince(started))));
    } catch (ExecutionException e) {
      responses.forget(queryId);
      error(exchange, 503, "the question could not be queued on Kafka: " + e.getCause().getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      error(exchange, 503, "interrupted while waiting for the answer");
    }
  }

  private void stream(HttpExchange exchange, Question question, long started) throws IOException {
    try {
      streamed.answer(exchange, question, this::publish, started);
    } catch (ExecutionException e) {
      error(exchange, 503, "the question could not be queued on Kafka: " + e.getCause().getMessage());
    } catch (TimeoutException e) {
      error(exchange, 503, "the question could not be queued on Kafka within " + config.askTimeout());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      error(exchange, 503, "interrupted while waiting for the answer");
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException(e);
    }
  }

  private void publish(Question question) throws ExecutionException, TimeoutException, InterruptedException {
    producer.send(new ProducerRecord<>(Topics.QUERIES.name(), question.getQueryId(), question)).get(
        config.askTimeout().toMillis(), TimeUnit.MILLISECONDS);
  }

  /** An SSE client: {@code Accept: text/event-stream} (among other types, too). */
  private static boolean wantsEvents(HttpExchange exchange) {
    return exchange.getRequestHeaders().getOrDefault("Accept", java.util.List.of()).stream()
        .anyMatch(accept -> accept.toLowerCase(java.util.Locale.ROOT).contains("text/event-stream"));
  }

  private static Optional<String> bearerKey(HttpExchange exchange) {
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    return Optional.of(authorization.substring(7).strip());
  }

  /** A first check at the edge, so unknown keys never reach Kafka; the orchestrator's key gate decides. */
  private Optional<String> tenantOf(Optional<String> key) throws IOException {
    if (key.isEmpty()) {
      return Optional.empty();
    }
    try {
      Optional<String> tenant = keyCheck.tenantOf(key.get());
      if (tenant.isPresent()) {
        keys.ensureAnnounced(ApiKeys.hash(key.get()));
      }
      return tenant;
    } catch (SQLException e) {
      throw new IOException("cannot check the API key: the database did not answer (" + e.getMessage() + ")", e);
    }
  }

  private void error(HttpExchange exchange, int status, String message) throws IOException {
    HttpGateway.send(exchange, status, json.writeValueAsBytes(Map.of("error", message)));
  }

  private static long millisSince(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }

  @Override
  public void close() {
    keys.close();
    steps.close();
    responses.close();
    producer.close();
  }
}
