package io.suqi.orchestrator.cost;

import io.suqi.schemas.AgentResult;
import io.suqi.schemas.Answer;
import io.suqi.schemas.Citation;
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
    return (utf8Length(text) + 3) / 4;
  }

  /** The length of the text in UTF-8, counted without encoding it (this runs for every question routed). */
  static long utf8Length(String text) {
    long bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (!Character.isSurrogate(c)) {
        bytes += 3;
      } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        bytes += 4;   // a pair: one code point beyond the BMP
        i++;
      } else {
        bytes += 1;   // a lone surrogate, which String.getBytes(UTF_8) writes as "?"
      }
    }
    return bytes;
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
