package io.suqi.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import io.suqi.platform.postgres.ConnectionPool;
import io.suqi.platform.tenant.ApiKeys;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `suqi up` as a real process: killed with SIGKILL (its PostgreSQL server is left running and
 * its locks are left behind), then started again on the same data directory, it answers as before.
 */
class KillAndRestartIT {

  @TempDir
  Path dataDir;

  private Process suqi;

  @Test
  void aSigkilledRuntimeStartsAgainOnItsDataAndAnswers() throws Exception {
    int http = RunningSuqi.freePort();
    int postgresPort = RunningSuqi.freePort();
    List<String> command = List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
        "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.suqi.schemas",
        "-cp", System.getProperty("java.class.path"), "io.suqi.platform.cli.SuqiCli", "up",
        "--data-dir", dataDir.toString(),
        "--kafka-port", "" + RunningSuqi.freePort(), "--kafka-controller-port", "" + RunningSuqi.freePort(),
        "--postgres-port", "" + postgresPort, "--http-port", "" + http,
        "--connect-port", "" + RunningSuqi.freePort());

    // Given a running suqi with data and a key
    suqi = launch(command, "first");
    awaitHealthy(http);
    String key;
    String jdbc = "jdbc:postgresql://127.0.0.1:" + postgresPort + "/suqi?user=postgres";
    try (HikariDataSource db = ConnectionPool.open(jdbc, "test", 1)) {
      RetailFixture.load(db, LocalDate.now(ZoneOffset.UTC));
      MedallionCaughtUp.await(db, Duration.ofMinutes(2)); // analytics answers from silver and gold
      key = new ApiKeys(db).create(RetailFixture.TENANT);
    }
    JsonNode before = ask(http, key);
    assertThat(before.path("status").asText()).isEqualTo("answered");

    // When it is killed with SIGKILL
    suqi.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    assertThat(dataDir.resolve("postgres/postmaster.pid")).as("postgres outlives a SIGKILLed parent").exists();

    // Then it starts again on the same data directory and gives the same answer
    suqi = launch(command, "second");
    awaitHealthy(http);
    JsonNode after = ask(http, key);
    assertThat(after.path("status").asText()).isEqualTo("answered");
    assertThat(after.path("answer").path("rows")).isEqualTo(before.path("answer").path("rows"));

    // And SIGTERM stops it cleanly, PostgreSQL included
    suqi.destroy();
    assertThat(suqi.waitFor(60, TimeUnit.SECONDS)).isTrue();
    RunningSuqi.eventually(Duration.ofSeconds(30), "postgres stopped with its parent",
        () -> !Files.exists(dataDir.resolve("postgres/postmaster.pid")));
  }

  private Process launch(List<String> command, String name) throws Exception {
    File log = dataDir.resolveSibling(dataDir.getFileName() + "-" + name + ".log").toFile();
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
  }

  private void awaitHealthy(int port) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    RunningSuqi.eventually(Duration.ofSeconds(180), "GET /v1/health on port " + port, () -> {
      assertThat(suqi.isAlive()).as("suqi up exited early, see the log next to " + dataDir).isTrue();
      try {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/health")).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
      } catch (Exception e) {
        return false;
      }
    });
  }

  private static JsonNode ask(int port, String key) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/ask"))
            .header("Authorization", "Bearer " + key)
            .POST(HttpRequest.BodyPublishers.ofString(RunningSuqi.JSON.writeValueAsString(
                Map.of("question", "top 5 stores by revenue last month"))))
            .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return RunningSuqi.JSON.readTree(response.body());
  }

  @AfterEach
  void stop() throws Exception {
    if (suqi != null && suqi.isAlive()) {
      suqi.destroy();
      if (!suqi.waitFor(60, TimeUnit.SECONDS)) {
        suqi.destroyForcibly();
      }
    }
    // A failure between the SIGKILL and the restart would leave that PostgreSQL server running.
    Path pidFile = dataDir.resolve("postgres/postmaster.pid");
    if (Files.exists(pidFile)) {
      long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
    }
  }
}
