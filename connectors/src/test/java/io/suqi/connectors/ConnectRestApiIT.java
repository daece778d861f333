package io.suqi.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.suqi.schemas.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The in-process worker answers Kafka Connect's REST API like any Connect cluster. */
class ConnectRestApiIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static CdcStack stack;

  @BeforeAll
  static void start() throws Exception {
    // Restarting the task must not drop the slot: with slot.drop.on.stop=true the restarted task
    // would find a new slot that starts after its stored offset, and fail (as Debezium warns).
    // This is the file's production setting; CdcStack drops the slot at the end.
    stack = CdcStack.start(Duration.ofSeconds(5), cdc -> cdc.with("slot.drop.on.stop", "false"));
  }

  @AfterAll
  static void stop() throws Exception {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void listsTheConnector() throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(url("connectors")).GET());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(response.body())).extracting(JsonNode::asText).contains(RetailCdc.NAME);
  }

  @Test
  void reportsTheConnectorAndItsTaskRunning() throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(url("connectors/" + RetailCdc.NAME + "/status")).GET());

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode status = JSON.readTree(response.body());
    assertThat(status.path("connector").path("state").asText()).isEqualTo("RUNNING");
    assertThat(status.path("tasks").get(0).path("state").asText()).isEqualTo("RUNNING");
  }

  @Test
  void restartsTheConnectorAndItsTasks() throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(
        url("connectors/" + RetailCdc.NAME + "/restart?includeTasks=true")).POST(HttpRequest.BodyPublishers.noBody()));

    assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
    assertThat(stack.worker.awaitRunning(RetailCdc.NAME, CdcStack.FIRST_RECORD).running()).isTrue();
    // ... and the restarted task goes on streaming.
    try (ChangeEvents tenants = stack.events(Topics.CDC_TENANTS)) {
      stack.db.inOneTransaction("INSERT INTO retail.tenants VALUES ('t-after-restart', 'Restarted Inc')");
      tenants.await(events -> events.stream().anyMatch(e -> e.key() != null
          && "t-after-restart".equals(e.key().path("tenant_id").asText())), CdcStack.FIRST_RECORD);
    }
  }

  @Test
  void registeringTheSameConfigurationAgainChangesNothing() {
    assertThat(stack.cdc.registerOn(stack.worker)).isFalse();
    assertThat(stack.cdc.with("heartbeat.interval.ms", "5000").registerOn(stack.worker)).isTrue();
    assertThat(stack.cdc.registerOn(stack.worker)).isTrue();
    assertThat(stack.worker.awaitRunning(RetailCdc.NAME, CdcStack.FIRST_RECORD).running()).isTrue();
    assertThat(stack.worker.connectors()).containsExactly(RetailCdc.NAME);
  }

  @Test
  void anUnknownConnectorHasNoHealth() {
    assertThat(stack.worker.health("nope")).isEmpty();
  }

  private static URI url(String path) {
    return URI.create(stack.worker.config().restUrl() + path);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
