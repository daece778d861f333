package io.suqi.platform.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AskCommandTest {

  @Test
  void anAnswerPrintsAsATableWithNumbersRightAligned() throws Exception {
    var body = AskCommand.JSON.readTree("""
        {"query_id":"q","intent":"analytics","confidence":0.83,"agent":"analytics","status":"answered",
         "answer":{"text":"Top 2 stores","sql":"SELECT","columns":["store_id","store_name","revenue"],
                   "rows":[[1,"North",30485.60],[12,"South",999.00]],"citations":[]},
         "cache_hit":false,"latency_ms":61}""");
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    AskCommand.print(body, new PrintStream(out, true, StandardCharsets.UTF_8));

    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("""
        Top 2 stores
        store_id | store_name | revenue 
        --------------------------------
               1 | North      | 30485.60
              12 | South      |   999.00
        (2 rows)
        [answered · intent analytics (0.83) · agent analytics · 61 ms]
        """);
  }

  @Test
  void aStreamPrintsEachStepAsItComesAndReturnsTheAnswer() throws Exception {
    // Given an SSE answer
    var lines = java.util.stream.Stream.of("event: step",
        "data: {\"step_name\":\"classify\",\"message\":\"Understood as analytics (confidence 0.91)\"}", "",
        "event: step", "data: {\"step_name\":\"agent\",\"message\":\"Step 1 (analytics) answered\"}", "",
        "event: answer", "data: {\"status\":\"answered\",\"answer\":{\"text\":\"Top 2 stores\"}}", "");
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    // When
    var answer = AskCommand.streamed(lines, new PrintStream(out, true, StandardCharsets.UTF_8));

    // Then
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo("· Understood as analytics (confidence 0.91)\n· Step 1 (analytics) answered\n");
    assertThat(answer.path("answer").path("text").asText()).isEqualTo("Top 2 stores");
  }

  @Test
  void anErrorBeforeTheStreamIsReadAsItsJson() throws Exception {
    var answer = AskCommand.streamed(java.util.stream.Stream.of("{\"error\": \"missing or unknown API key\"}"), null);

    assertThat(answer.path("error").asText()).isEqualTo("missing or unknown API key");
  }

  @Test
  void durationsReadAsSecondsMillisecondsOrIso() {
    assertThat(UpCommand.parseDuration("10s")).isEqualTo(Duration.ofSeconds(10));
    assertThat(UpCommand.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(UpCommand.parseDuration("PT2M")).isEqualTo(Duration.ofMinutes(2));
    assertThatThrownBy(() -> UpCommand.parseDuration("soon")).hasMessageContaining("--ask-timeout");
  }

  @Test
  void aGateRejectionPrintsItsReasonAndWhenToRetry() throws Exception {
    var throttled = AskCommand.JSON.readTree("""
        {"status": "rejected", "answer": {"text": "user ana asked more than 2 questions per minute; slow down"},
         "rejection": {"reason": "throttled", "retry_after_ms": 30000}}""");
    var edge = AskCommand.JSON.readTree("{\"error\": \"missing or unknown API key\"}");

    assertThat(AskCommand.errorMessage(429, throttled, "30"))
        .isEqualTo("error 429 (throttled): user ana asked more than 2 questions per minute; slow down — retry in 30 s");
    assertThat(AskCommand.errorMessage(401, edge, null)).isEqualTo("error 401: missing or unknown API key");
  }
}
