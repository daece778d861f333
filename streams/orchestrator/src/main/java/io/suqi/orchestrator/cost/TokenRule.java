package io.suqi.orchestrator.cost;

import io.suqi.schemas.AgentResult;
import io.suqi.schemas.Answer;
import io.suqi.schemas.Citation;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * How Suqi counts the tokens of an agent's step. The agents shipped here run no language model,
 * so there is no tokenizer's count to report; a step is metered by the usual rule of thumb for
 * GPT-style tokenizers instead: <b>one token per 4 bytes of UTF-8 text, rounded up, per text</b>,
 * over what the agent was asked (its question) and everything it answered (text, SQL, every cell,
 * every citation's title and snippet). An agent that does call a model reports its own count in
 * {@code tokens_used}, which is then taken as it is.
 */
public final class TokenRule {

  private TokenRule() {}

  /** Tokens of one text: ceil(UTF-8 bytes / 4); none for null or empty. */
  public static long of(String text) {
    if (text == null || text.isEmpty()) {
      return 0;
    }
    return (text.getBytes(StandardCharsets.UTF_8).length + 3) / 4;
  }

  /**
   * Tokens of a step: the agent's own count, or the rule over its answer plus the question's
   * {@code questionTokens} ({@link #of} of the question the agent was asked).
   */
  public static long ofStep(long questionTokens, AgentResult result) {
    if (result.getTokensUsed() > 0) {
      return result.getTokensUsed();
    }
    return questionTokens + ofAnswer(result.getAnswer());
  }

  static long ofAnswer(Answer answer) {
    if (answer == null) {
      return 0;
    }
    long tokens = of(answer.getText()) + of(answer.getSql());
    for (List<String> row : answer.getRows()) {
      for (String cell : row) {
        tokens += of(cell);
      }
    }
    for (Citation citation : answer.getCitations()) {
      tokens += of(citation.getTitle()) + of(citation.getSnippet());
    }
    return tokens;
  }
}
