package io.suqi.platform.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The body of POST /v1/ask: {"question": "...", "context_limit": 10}. */
record AskRequest(String question, int contextLimit) {

  static final int DEFAULT_CONTEXT_LIMIT = 10;
  static final int MAX_QUESTION_LENGTH = 2_000;

  /** Parses a body, or throws {@link BadRequest} saying what is wrong with it. */
  static AskRequest parse(ObjectMapper json, byte[] body) {
    JsonNode node;
    try {
      node = json.readTree(body);
    } catch (JsonProcessingException e) {
      throw new BadRequest("the body is not valid JSON (" + e.getOriginalMessage()
          + "); send {\"question\": \"...\"}");
    } catch (java.io.IOException e) {
      throw new BadRequest("the body could not be read: " + e.getMessage());
    }
    if (node == null || !node.isObject()) {
      throw new BadRequest("the body must be a JSON object like {\"question\": \"...\"}");
    }
    JsonNode question = node.get("question");
    if (question == null || !question.isTextual() || question.asText().isBlank()) {
      throw new BadRequest("\"question\" is required and must be a non-empty string");
    }
    if (question.asText().length() > MAX_QUESTION_LENGTH) {
      throw new BadRequest("\"question\" is longer than " + MAX_QUESTION_LENGTH + " characters");
    }
    int contextLimit = DEFAULT_CONTEXT_LIMIT;
    JsonNode limit = node.get("context_limit");
    if (limit != null && !limit.isNull()) {
      if (!limit.isInt() || limit.asInt() < 1 || limit.asInt() > 100) {
        throw new BadRequest("\"context_limit\" must be an integer from 1 to 100");
      }
      contextLimit = limit.asInt();
    }
    return new AskRequest(question.asText().strip(), contextLimit);
  }

  /** A request the client must fix; its message says how. */
  static final class BadRequest extends RuntimeException {
    BadRequest(String message) {
      super(message);
    }
  }
}
