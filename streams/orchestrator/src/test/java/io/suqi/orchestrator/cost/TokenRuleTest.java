package io.suqi.orchestrator.cost;

import static org.assertj.core.api.Assertions.assertThat;

import io.suqi.schemas.AgentResult;
import io.suqi.schemas.AgentType;
import io.suqi.schemas.Answer;
import io.suqi.schemas.Citation;
import io.suqi.schemas.ResultStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenRuleTest {

  @Test
  void oneTokenPerFourBytesOfUtf8RoundedUp() {
    assertThat(TokenRule.of(null)).isZero();
    assertThat(TokenRule.of("")).isZero();
    assertThat(TokenRule.of("abcd")).isEqualTo(1);
    assertThat(TokenRule.of("abcde")).isEqualTo(2);
    assertThat(TokenRule.of("caf\u00e9")).as("é is two bytes").isEqualTo(2);
    assertThat(TokenRule.of("\u6771\u4eac")).as("three bytes each").isEqualTo(2);
  }

  @Test
  void theUtf8LengthIsThatOfTheEncodedText() {
    for (String text : List.of("plain ascii", "caf\u00e9", "\u6771\u4eac", "\ud83d\uded2 cart", "lone \ud83d high",
        "lone \uded2 low", "ends high \ud83d", "\u0000\u007f\u0080\u07ff\u0800\uffff")) {
      assertThat(TokenRule.utf8Length(text)).as(text)
          .isEqualTo(text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    }
  }

  @Test
  void aStepCountsItsQuestionAndEverythingItAnswered() {
    Answer answer = Answer.newBuilder().setText("12345678").setSql("SELECT 1").setColumns(List.of("a"))
        .setColumnTypes(List.of("text")).setRows(List.of(List.of("x"), java.util.Arrays.asList((String) null)))
        .setCitations(List.of(Citation.newBuilder().setSourceId("doc-1").setTitle("Returns policy")
            .setSnippet("Refunds within 30 days").build()))
        .build();
    // question 2 + text 2 + sql 2 + cells 1 + 0 + title 4 + snippet 6
    assertThat(TokenRule.ofStep(TokenRule.of("why?"), result(answer, 0))).isEqualTo(1 + 2 + 2 + 1 + 4 + 6);
  }

  @Test
  void anAgentsOwnCountIsTakenAsItIs() {
    Answer answer = Answer.newBuilder().setText("a long answer that the rule would count").build();
    assertThat(TokenRule.ofStep(TokenRule.of("question"), result(answer, 7))).isEqualTo(7);
  }

  private static AgentResult result(Answer answer, long tokens) {
    return AgentResult.newBuilder().setQueryId("q").setTenantId("t").setAgent(AgentType.RAG).setStepNumber(1)
        .setStatus(ResultStatus.OK).setAnswer(answer).setTokensUsed(tokens).setCompletedAt(Instant.EPOCH).build();
  }
}
