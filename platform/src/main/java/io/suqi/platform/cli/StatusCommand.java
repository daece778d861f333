package io.suqi.platform.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.suqi.platform.runtime.RuntimeConfig;
import io.suqi.platform.runtime.RuntimeInfo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Prints GET /v1/health as a table: each component, its status and what it is based on. */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Show the health of every component (agents, orchestrator, connectors, lakehouse, Kafka, PostgreSQL).")
final class StatusCommand implements Callable<Integer> {

  @Option(names = "--url", description = "Gateway (default: the running `suqi up` of --data-dir).")
  String url;

  @Option(names = "--json", description = "Print the health report as JSON.")
  boolean asJson;

  @Mixin
  DataDirOption dataDir;

  @Override
  public Integer call() throws Exception {
    String gateway = url != null ? url : dataDir.running().map(RuntimeInfo::http)
        .orElse("http://127.0.0.1:" + RuntimeConfig.DEFAULT_HTTP_PORT);
    HttpResponse<String> response;
    try {
      response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(
          HttpRequest.newBuilder(URI.create(gateway + "/v1/health")).timeout(Duration.ofSeconds(30)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      System.err.println("no answer from " + gateway + " (is `bin/suqi up` running?): " + e.getMessage());
      return 2;
    }
    if (asJson) {
      System.out.println(response.body());
    } else {
      JsonNode report = new ObjectMapper().readTree(response.body());
      System.out.println("overall: " + report.path("status").asText() + " (HTTP " + response.statusCode() + ")");
      for (JsonNode component : report.path("components")) {
        System.out.printf("  %-28s %-9s %s%n", component.path("name").asText(), component.path("status").asText(),
            component.path("detail"));
      }
    }
    return response.statusCode() == 200 ? 0 : 1;
  }
}
