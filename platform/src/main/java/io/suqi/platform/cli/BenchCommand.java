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
 * HTTP against a running `suqi up`, then p50/p90/p99/max. By default the same few questions come
 * back, so after the first round they are cache hits; with --distinct every question is new (a
 * cache miss answered by the agent), and the orchestration overhead — the client's latency minus
 * the agent's time in scout.orchestration_trace — is reported too. Numbers go to docs/BENCHMARKS.md.
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

  @Option(names = "--distinct", description = "Every question different: no cache hits; reports orchestration overhead.")
  boolean distinct;

  @Option(names = "--key", required = true, description = "API key of a tenant with data (e.g. from --demo).")
  String key;

  @Option(names = "--url", description = "Gateway (default: the running `suqi up` of --data-dir).")
  String url;

  @Mixin
  DataDirOption dataDir;

  private final ObjectMapper json = new ObjectMapper();
  // HTTP/1.1 as curl speaks it: the client's HTTP/2 upgrade attempt costs a round trip per request.
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

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
      int n = warmup + i;   // after the warm-up questions, so --distinct never repeats one
      futures.add(pool.submit(() -> ask(gateway, n)));
    }
    List<Long> latencies = new ArrayList<>();
    List<Sample> samples = new ArrayList<>();
    Map<String, Integer> statuses = new TreeMap<>();
    int cacheHits = 0;
    for (Future<Sample> future : futures) {
      Sample sample = future.get();
      samples.add(sample);
      latencies.add(sample.micros());
      statuses.merge(sample.status(), 1, Integer::sum);
      cacheHits += sample.cacheHit() ? 1 : 0;
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    pool.shutdown();
    Collections.sort(latencies);
    System.out.printf("questions %d in %.1f s (%.0f/s), statuses %s%n", questions, seconds, questions / seconds, statuses);
    System.out.printf("latency ms: p50 %.1f  p90 %.1f  p99 %.1f  max %.1f  (cache hits: %d of %d)%n",
        percentile(latencies, 50), percentile(latencies, 90), percentile(latencies, 99),
        latencies.get(latencies.size() - 1) / 1000.0, cacheHits, questions);
    boolean answered = statuses.keySet().equals(java.util.Set.of("200 answered"));
    if (distinct) {
      List<Sample> misses = samples.stream().filter(sample -> !sample.cacheHit()).toList();
      if (misses.isEmpty()) {
        System.out.printf("no orchestration overhead: every question was a cache hit, asked before on this system "
            + "(the distinct questions are numbered from the warm-up on: pass --warmup %d or more to start after "
            + "the ones asked so far)%n", warmup + questions);
        return 1;
      }
      reportOverhead(misses);
    }
    return answered ? 0 : 1;
  }

  /**
   * Orchestration overhead per cache miss: the client's latency minus the agent's duration, as the
   * orchestration trace records it (written asynchronously: waits for every question's row). A hit
   * has no agent step: it would only make the waiting time out.
   */
  private void reportOverhead(List<Sample> samples) throws Exception {
    String postgres = dataDir.running().map(RuntimeInfo::postgres).orElseThrow(() -> new IllegalStateException(
        "--distinct reads the orchestration trace: run it against the `suqi up` of --data-dir"));
    Map<String, Long> agentMillis = new java.util.HashMap<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    try (var db = io.suqi.platform.postgres.ConnectionPool.open(postgres, "bench", 1);
        var c = db.getConnection();
        var s = c.prepareStatement("SELECT query_id, duration_ms FROM scout.orchestration_trace "
            + "WHERE step_name = 'agent' AND query_id = ANY (?)")) {
      while (agentMillis.size() < samples.size() && System.nanoTime() < deadline) {
        s.setArray(1, c.createArrayOf("text", samples.stream().map(Sample::queryId).toArray()));
        try (var rs = s.executeQuery()) {
          while (rs.next()) {
            agentMillis.put(rs.getString(1), rs.getLong(2));
          }
        }
        if (agentMillis.size() < samples.size()) {
          Thread.sleep(500);
        }
      }
    }
    List<Long> overheads = new ArrayList<>();
    for (Sample sample : samples) {
      Long agent = agentMillis.get(sample.queryId());
      if (agent != null) {
        overheads.add(Math.max(0, sample.micros() - agent * 1000));
      }
    }
    Collections.sort(overheads);
    System.out.printf("orchestration overhead ms (latency minus agent time, %d questions): p50 %.1f  p99 %.1f  max %.1f%n",
        overheads.size(), percentile(overheads, 50), percentile(overheads, 99),
        overheads.get(overheads.size() - 1) / 1000.0);
  }

  /** A distinct question per n: store count × period × context limit (4,000 combinations). */
  private static String distinctQuestion(int n) {
    String[] periods = {"last month", "yesterday", "last week", "last 7 days", "this month", "last 30 days",
        "this year", "last year"};
    return "top " + (1 + (n / periods.length) % 50) + " stores by revenue " + periods[n % periods.length];
  }

  private Sample ask(String gateway, int n) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/v1/ask"))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + key)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(distinct
            ? Map.of("question", distinctQuestion(n), "context_limit", 1 + (n / 400) % 10)
            : Map.of("question", QUESTIONS.get(n % QUESTIONS.size())))))
        .build();
    long start = System.nanoTime();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    long micros = (System.nanoTime() - start) / 1000;
    JsonNode body = json.readTree(response.body());
    return new Sample(micros, response.statusCode() + " " + body.path("status").asText(body.path("error").asText()),
        body.path("query_id").asText(), body.path("cache_hit").asBoolean());
  }

  private static double percentile(List<Long> sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, index)) / 1000.0;
  }

  private record Sample(long micros, String status, String queryId, boolean cacheHit) {}
}
