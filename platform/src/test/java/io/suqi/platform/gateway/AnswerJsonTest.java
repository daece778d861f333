package io.suqi.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.suqi.schemas.AgentType;
import io.suqi.schemas.Answer;
import io.suqi.schemas.Citation;
import io.suqi.schemas.Intent;
import io.suqi.schemas.Response;
import io.suqi.schemas.ResponseStatus;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerJsonTest {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void anAnswerHasTheContractFieldsAndNumbersKeepTheirDigits() throws Exception {
    // Given a response with typed columns
    Answer answer = Answer.newBuilder().setText("Top 2 stores").setSql("SELECT …")
        .setColumns(List.of("store_id", "store_name", "revenue"))
        .setColumnTypes(List.of("integer", "text", "decimal"))
        .setRows(List.of(List.of("1", "North", "30485.60"), Arrays.asList("2", null, "0.00")))
        .setCitations(List.of(new Citation("doc-1", "Refund policy", null)))
        .build();
    Response response = Response.newBuilder().setQueryId("q-1").setTenantId("acme").setIntent(Intent.ANALYTICS)
        .setConfidence(0.8).setAgent(AgentType.ANALYTICS).setStatus(ResponseStatus.ANSWERED).setAnswer(answer)
        .setCacheHit(false).setLatencyMs(12).setCompletedAt(Instant.EPOCH).build();

    // When it is written for the client
    String written = json.writeValueAsString(new AnswerJson(json).answered(response, 42));

    // Then
    assertThat(written).isEqualTo("{\"query_id\":\"q-1\",\"intent\":\"analytics\",\"confidence\":0.8,"
        + "\"agent\":\"analytics\",\"status\":\"answered\",\"answer\":{\"text\":\"Top 2 stores\",\"sql\":\"SELECT …\","
        + "\"columns\":[\"store_id\",\"store_name\",\"revenue\"],"
        + "\"rows\":[[1,\"North\",30485.60],[2,null,0.00]],"
        + "\"citations\":[{\"source_id\":\"doc-1\",\"title\":\"Refund policy\",\"snippet\":null}]},"
        + "\"cache_hit\":false,\"latency_ms\":42}");
  }

  @Test
  void aTimeoutKeepsTheQueryIdAndTheShape() throws Exception {
    var node = new AnswerJson(json).timedOut("q-2", 10_000);

    assertThat(node.path("status").asText()).isEqualTo("timeout");
    assertThat(node.path("query_id").asText()).isEqualTo("q-2");
    assertThat(node.path("answer").path("rows").isArray()).isTrue();
    assertThat(node.has("intent")).isTrue();
  }
}
