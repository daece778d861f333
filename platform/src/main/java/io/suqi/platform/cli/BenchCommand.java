package io.suqi.platform.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.suqi.platform.runtime.RuntimeConfig;
import io.suqi.platform.runtime.RuntimeInfo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Latency of POST /v1/ask on the analytics path, measured as a client sees it: N questions over
 * HTTP against a running `suqi up`, then p50/p90/p99/max. Numbers go to docs/BENCHMARKS.md.
 */
@Command(name = "bench-ask", mixinStandardHelpOptions = true,
    description = "Measure /v1/ask latency: send N analytics questions and print percentiles.")
final class BenchCommand implements Callable<Integer> {

  /** Analytics questions with different periods, so answers are not all the same query. */
  private static final List<String> QUESTIONS = List.of(
      "top 5 stores by revenue last month",
      "revenue by store yesterday",
      "top 3 stores by revenue last week",
      "revenue by store last 7 days",
      "top 10 stores by revenue this month",
      "bottom 5 stores by revenue last month",
      "revenue by store last 30 days",
      "top 5 stores by revenue today");

  @Option(names = "--questions", defaultValue = "1000", description = "How many to measure (default: ${DEFAULT-VALUE}).")
  int questions;

  @Option(names = "--warmup", defaultValue = "50", description = "Unmeasured questions first (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--concurrency", defaultValue = "1", description = "Questions in flight at once (default: ${DEFAULT-VALUE}).")
  int concurrency;

  @Option(names = "--key", required = true, description = "API key of a tenant with data (e.g. from --demo).")
  String key;

  @Option(names = "--url", description = "Gateway (default: the running `suqi up` of --data-dir).")
  String url;

  @Mixin
  DataDirOption dataDir;

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Override
  public Integer call() throws Exception {
    String gateway = url != null ? url : dataDir.running().map(RuntimeInfo::http)
        .orElse("http://127.0.0.1:" + RuntimeConfig.DEFAULT_HTTP_PORT);
    System.out.printf("warming up with %d questions…%n", warmup);
    for (int i = 0; i < warmup; i++) {
      ask(gateway, i);
    }
    System.out.printf("measuring %d questions, %d in flight…%n", questions, concurrency);
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    List<Future<Sample>> futures = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int i = 0; i < questions; i++) {
      int n = i;
      futures.add(pool.submit(() -> ask(gateway, n)));
    }
    List<Long> latencies = new ArrayList<>();
    Map<String, Integer> statuses = new TreeMap<>();
    for (Future<Sample> future : futures) {
      Sample sample = future.get();
      latencies.add(sample.micros());
      statuses.merge(sample.status(), 1, Integer::sum);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    pool.shutdown();
    Collections.sort(latencies);
    System.out.printf("questions %d in %.1f s (%.0f/s), statuses %s%n", questions, seconds, questions / seconds, statuses);
    System.out.printf("latency ms: p50 %.1f  p90 %.1f  p99 %.1f  max %.1f%n", percentile(latencies, 50),
        percentile(latencies, 90), percentile(latencies, 99), latencies.get(latencies.size() - 1) / 1000.0);
    return statuses.keySet().equals(java.util.Set.of("200 answered")) ? 0 : 1;
  }

  private Sample ask(String gateway, int n) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/v1/ask"))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + key)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(
            Map.of("question", QUESTIONS.get(n % QUESTIONS.size())))))
        .build();
    long start = System.nanoTime();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    long micros = (System.nanoTime() - start) / 1000;
    JsonNode body = json.readTree(response.body());
    return new Sample(micros, response.statusCode() + " " + body.path("status").asText(body.path("error").asText()));
  }

  private static double percentile(List<Long> sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, index)) / 1000.0;
  }

  private record Sample(long micros, String status) {}
}
