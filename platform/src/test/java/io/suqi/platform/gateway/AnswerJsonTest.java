package io.suqi.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.suqi.schemas.AgentType;
import io.suqi.schemas.Answer;
import io.suqi.schemas.Citation;
import io.suqi.schemas.Intent;
import io.suqi.schemas.PlanStepOutcome;
import io.suqi.schemas.Response;
import io.suqi.schemas.ResponseStatus;
import io.suqi.schemas.StepStatus;
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
        .setCitations(List.of(new Citation("doc-1", "Refund policy", "Refunds within 30 days.", 120, 143)))
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
        + "\"citations\":[{\"source_id\":\"doc-1\",\"title\":\"Refund policy\",\"snippet\":\"Refunds within 30 days.\",\"start_offset\":120,\"end_offset\":143}]},"
        + "\"cache_hit\":false,\"latency_ms\":42}");
  }

  @Test
  void aMultiStepAnswerAddsItsStepsAndKeepsEveryOtherField() throws Exception {
    // Given a partial answer of a two-step plan
    Answer answer = Answer.newBuilder().setText("Partial answer: step 2 (retail) did not answer within 4 s.")
        .setSql(null).setColumns(List.of()).setColumnTypes(List.of()).setRows(List.of()).setCitations(List.of())
        .build();
    Response response = Response.newBuilder().setQueryId("q-3").setTenantId("acme").setIntent(Intent.ANALYTICS)
        .setConfidence(0.8).setAgent(AgentType.ANALYTICS).setStatus(ResponseStatus.PARTIAL).setAnswer(answer)
        .setCacheHit(false).setLatencyMs(12).setCompletedAt(Instant.EPOCH)
        .setSteps(List.of(
            new PlanStepOutcome(1, AgentType.ANALYTICS, "revenue by region", List.of(), StepStatus.ANSWERED, "North leads"),
            new PlanStepOutcome(2, AgentType.RETAIL, "what to stock", List.of(1), StepStatus.MISSING, "No answer within 4 s.")))
        .build();

    // When
    var node = new AnswerJson(json).answered(response, 42);

    // Then
    assertThat(node.path("status").asText()).isEqualTo("partial");
    assertThat(json.writeValueAsString(node.path("steps"))).isEqualTo("[{\"step_number\":1,\"agent\":\"analytics\","
        + "\"question\":\"revenue by region\",\"depends_on\":[],\"status\":\"answered\",\"text\":\"North leads\"},"
        + "{\"step_number\":2,\"agent\":\"retail\",\"question\":\"what to stock\",\"depends_on\":[1],"
        + "\"status\":\"missing\",\"text\":\"No answer within 4 s.\"}]");
    assertThat(node.fieldNames()).toIterable().containsExactly("query_id", "intent", "confidence", "agent", "status",
        "answer", "cache_hit", "latency_ms", "steps");
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
