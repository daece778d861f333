package io.suqi.platform.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.suqi.platform.health.HealthReport;
import io.suqi.platform.tenant.ApiKeys;
import java.util.function.Supplier;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP front of the system. JDK's built-in server: two small JSON endpoints need no web
 * framework, and it starts in milliseconds.
 */
public final class HttpGateway implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(HttpGateway.class);

  private final GatewayConfig config;
  private final ApiKeys apiKeys;
  private final ObjectMapper json = new ObjectMapper();
  private HttpServer server;
  private ExecutorService executor;
  private AskEndpoint ask;

  private final Supplier<HealthReport> health;

  /** @param health the system's health, reported on GET /v1/health */
  public HttpGateway(GatewayConfig config, ApiKeys apiKeys, Supplier<HealthReport> health) {
    this.config = config;
    this.apiKeys = apiKeys;
    this.health = health;
  }

  static {
    // The JDK server writes a response's headers and body separately; with Nagle's algorithm on,
    // the body waits for the client's delayed ACK (~40 ms on Linux). Read once, at first use.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  public void start() throws IOException {
    ask = new AskEndpoint(config, apiKeys, json);
    server = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 100);
    executor = Executors.newFixedThreadPool(config.threads(), runnable -> {
      Thread thread = new Thread(runnable, "suqi-http");
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(executor);
    server.createContext("/v1/health", exchange -> guarded(exchange, () -> health(exchange)));
    server.createContext("/v1/ask", exchange -> guarded(exchange, () -> ask.handle(exchange)));
    server.start();
  }

  /** The address actually bound (useful with port 0). */
  public int port() {
    return server.getAddress().getPort();
  }

  /** 200 when ok or degraded, 503 when down: what a load balancer needs; the body says why. */
  private void health(HttpExchange exchange) throws IOException {
    HealthReport report = health.get();
    send(exchange, report.httpStatus(), json.writeValueAsBytes(report));
  }

  /** An unexpected failure is a 500 with a message, never a dropped connection. */
  private void guarded(HttpExchange exchange, IoAction action) throws IOException {
    try (exchange) {
      action.run();
    } catch (RuntimeException | IOException e) {
      LOG.error("request {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
      send(exchange, 500, json.writeValueAsBytes(Map.of("error",
          "internal error: " + e.getMessage() + "; see the suqi log for details")));
    }
  }

  static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    if (server != null) {
      server.stop(1);
      executor.shutdownNow();
      ask.close();
      server = null;
    }
  }

  @FunctionalInterface
  private interface IoAction {
    void run() throws IOException;
  }
}
