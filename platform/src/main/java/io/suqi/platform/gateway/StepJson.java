package io.suqi.platform.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.suqi.schemas.ResponseStep;
import java.util.Locale;

/**
 * The JSON of a progress step, as streamed in an SSE {@code event: step} of /v1/ask: the same
 * fields for every step; plan_step, status and text are set for the steps of a multi-step plan.
 */
final class StepJson {

  private final ObjectMapper json;

  StepJson(ObjectMapper json) {
    this.json = json;
  }

  ObjectNode of(ResponseStep step) {
    ObjectNode node = json.createObjectNode();
    node.put("query_id", step.getQueryId());
    node.put("step_number", step.getStepNumber());
    node.put("step_name", step.getStepName());
    node.put("agent", step.getAgent() == null ? null : lower(step.getAgent()));
    node.put("message", step.getMessage());
    node.put("plan_step", step.getPlanStep());
    node.put("status", step.getStatus() == null ? null : lower(step.getStatus()));
    node.put("text", step.getText());
    node.put("emitted_at", step.getEmittedAt().toString());
    return node;
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
