package io.suqi.platform.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.suqi.platform.runtime.RuntimeConfig;
import io.suqi.platform.runtime.RuntimeInfo;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ask", mixinStandardHelpOptions = true,
    description = "Ask a question through the HTTP gateway and print the answer as a table.")
final class AskCommand implements Callable<Integer> {

  @Parameters(paramLabel = "QUESTION", description = "e.g. \"top 5 stores by revenue last month\"")
  String question;

  @Option(names = "--json", description = "Print the response JSON as returned by POST /v1/ask.")
  boolean asJson;

  @Option(names = "--key", paramLabel = "KEY",
      description = "API key (default: $SUQI_API_KEY, else the last key made by `suqi tenant create`).")
  String key;

  @Option(names = "--platform", defaultValue = "chat", description = "X-Suqi-Platform (default: ${DEFAULT-VALUE}).")
  String platform;

  @Option(names = "--url", paramLabel = "URL",
      description = "Gateway (default: the running `suqi up` of --data-dir, else http://127.0.0.1:"
          + RuntimeConfig.DEFAULT_HTTP_PORT + ").")
  String url;

  @Option(names = "--user", paramLabel = "USER", description = "X-Suqi-User: who asks (per-user quotas).")
  String user;

  @Option(names = "--debug", description = "X-Suqi-Debug: trace each step's full detail (see `suqi trace`).")
  boolean debug;

  @Option(names = "--stream", description = "Print each step as it happens (Server-Sent Events), then the answer.")
  boolean stream;

  @Mixin
  DataDirOption dataDir;

  /** Decimals keep the digits the gateway sent (30485.60, not 30485.6). */
  static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

  private final ObjectMapper json = JSON;

  @Override
  public Integer call() throws Exception {
    String apiKey = apiKey().orElseThrow(() -> new IllegalArgumentException(
        "no API key: pass --key, set SUQI_API_KEY, or run `bin/suqi tenant create NAME` first"));
    String gateway = url != null ? url : dataDir.running().map(RuntimeInfo::http)
        .orElse("http://127.0.0.1:" + RuntimeConfig.DEFAULT_HTTP_PORT);
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(gateway + "/v1/ask"))
        .timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + apiKey)
        .header("X-Suqi-Platform", platform)
        .header("X-Suqi-Debug", Boolean.toString(debug))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(Map.of("question", question))));
    if (user != null) {
      builder.header("X-Suqi-User", user);
    }
    if (stream) {
      builder.header("Accept", "text/event-stream");
    }
    HttpRequest request = builder.build();
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    int status;
    String retryAfter;
    JsonNode body;
    try {
      if (stream) {
        HttpResponse<java.util.stream.Stream<String>> response = client.send(request,
            HttpResponse.BodyHandlers.ofLines());
        status = response.statusCode();
        retryAfter = response.headers().firstValue("Retry-After").orElse(null);
        body = streamed(response.body(), asJson ? null : System.out);
      } else {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        status = response.statusCode();
        retryAfter = response.headers().firstValue("Retry-After").orElse(null);
        body = json.readTree(response.body());
      }
    } catch (ConnectException e) {
      throw new IllegalStateException("no gateway at " + gateway + "; start it with `bin/suqi up`");
    }
    if (asJson) {
      System.out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(body));
    } else if (status >= 400) {
      System.err.println(errorMessage(status, body, retryAfter));
    } else {
      print(body, System.out);
    }
    return status >= 400 ? 1 : 0;
  }

  /**
   * Reads an SSE answer: each {@code step} event is printed as it arrives (when {@code steps} is
   * given), the {@code answer} event is returned. A stream that ends without one (an error before
   * streaming) is read as the plain JSON body it then is.
   */
  static JsonNode streamed(java.util.stream.Stream<String> lines, PrintStream steps) throws IOException {
    String event = null;
    StringBuilder plain = new StringBuilder();
    try (lines) {
      for (String line : (Iterable<String>) lines::iterator) {
        if (line.startsWith("event: ")) {
          event = line.substring("event: ".length());
        } else if (line.startsWith("data: ")) {
          JsonNode data = JSON.readTree(line.substring("data: ".length()));
          if ("answer".equals(event)) {
            return data;
          }
          if (steps != null) {
            steps.println("· " + data.path("message").asText());
          }
        } else if (event == null) {
          plain.append(line);
        }
      }
    }
    return JSON.readTree(plain.toString());
  }

  private Optional<String> apiKey() throws IOException {
    if (key != null) {
      return Optional.of(key);
    }
    String env = System.getenv("SUQI_API_KEY");
    if (env != null && !env.isBlank()) {
      return Optional.of(env.strip());
    }
    var saved = dataDir.directory().cliKey();
    return Files.exists(saved) ? Optional.of(Files.readString(saved).strip()) : Optional.empty();
  }

  /**
   * What went wrong: the gateway's error (400, 401 at the edge) or the gate's rejection (401, 403,
   * 429, with when to retry).
   */
  static String errorMessage(int status, JsonNode body, String retryAfterSeconds) {
    String why = body.hasNonNull("error") ? body.path("error").asText() : body.path("answer").path("text").asText();
    String reason = body.path("rejection").path("reason").asText("");
    return "error " + status + (reason.isEmpty() ? "" : " (" + reason + ")") + ": " + why
        + (retryAfterSeconds == null ? "" : " — retry in " + retryAfterSeconds + " s");
  }

  static void print(JsonNode body, PrintStream out) {
    JsonNode answer = body.path("answer");
    out.println(answer.path("text").asText());
    new AnswerTable(answer.path("columns"), answer.path("rows")).printTo(out);
    out.printf("[%s · intent %s (%.2f) · agent %s · %d ms%s]%n", body.path("status").asText(),
        body.path("intent").asText(), body.path("confidence").asDouble(), body.path("agent").asText("-"),
        body.path("latency_ms").asLong(), body.path("cache_hit").asBoolean() ? " · cached" : "");
  }
}
