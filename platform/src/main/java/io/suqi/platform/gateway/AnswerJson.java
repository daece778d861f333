package io.suqi.platform.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.suqi.schemas.Answer;
import io.suqi.schemas.Citation;
import io.suqi.schemas.PlanStepOutcome;
import io.suqi.schemas.Response;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * The JSON of a /v1/ask answer (DESIGN §3.5): field names and shapes are a public contract. SQL
 * mode stores the same JSON in suqi.answers.
 */
public final class AnswerJson {

  private final ObjectMapper json;

  public AnswerJson(ObjectMapper json) {
    this.json = json;
  }

  public ObjectNode answered(Response response, long latencyMs) {
    ObjectNode node = json.createObjectNode();
    node.put("query_id", response.getQueryId());
    node.put("intent", lower(response.getIntent()));
    node.put("confidence", response.getConfidence());
    node.put("agent", response.getAgent() == null ? null : lower(response.getAgent()));
    node.put("status", lower(response.getStatus()));
    node.set("answer", answer(response.getAnswer()));
    node.put("cache_hit", response.getCacheHit());
    node.put("latency_ms", latencyMs);
    if (response.getRejection() != null) {
      node.putObject("rejection")
          .put("reason", lower(response.getRejection().getReason()))
          .put("retry_after_ms", response.getRejection().getRetryAfterMs());
    }
    if (!response.getSteps().isEmpty()) { // a multi-step plan; a one-step answer keeps its shape
      ArrayNode steps = node.putArray("steps");
      for (PlanStepOutcome step : response.getSteps()) {
        ObjectNode s = steps.addObject();
        s.put("step_number", step.getStepNumber());
        s.put("agent", lower(step.getAgent()));
        s.put("question", step.getQuestion());
        s.set("depends_on", json.valueToTree(step.getDependsOn()));
        s.put("status", lower(step.getStatus()));
        s.put("text", step.getText());
      }
    }
    return node;
  }

  /** No response within the wait: the question goes on in the background under its query id. */
  ObjectNode timedOut(String queryId, long latencyMs) {
    ObjectNode node = json.createObjectNode();
    node.put("query_id", queryId);
    node.putNull("intent");
    node.putNull("confidence");
    node.putNull("agent");
    node.put("status", "timeout");
    node.set("answer", answer(Answer.newBuilder()
        .setText("No answer yet within the wait; the question is still being processed.")
        .setColumns(List.of()).setColumnTypes(List.of()).setRows(List.of()).setCitations(List.of()).build()));
    node.put("cache_hit", false);
    node.put("latency_ms", latencyMs);
    return node;
  }

  private ObjectNode answer(Answer answer) {
    ObjectNode node = json.createObjectNode();
    node.put("text", answer.getText());
    node.put("sql", answer.getSql());
    node.set("columns", json.valueToTree(answer.getColumns()));
    ArrayNode rows = node.putArray("rows");
    List<String> types = answer.getColumnTypes();
    for (List<String> row : answer.getRows()) {
      ArrayNode cells = rows.addArray();
      for (int i = 0; i < row.size(); i++) {
        cells.add(cell(row.get(i), i < types.size() ? types.get(i) : "text"));
      }
    }
    ArrayNode citations = node.putArray("citations");
    for (Citation citation : answer.getCitations()) {
      ObjectNode c = citations.addObject();
      c.put("source_id", citation.getSourceId());
      c.put("title", citation.getTitle());
      c.put("snippet", citation.getSnippet());
      c.put("start_offset", citation.getStartOffset());
      c.put("end_offset", citation.getEndOffset());
    }
    return node;
  }

  /** Numbers travel as text with their exact digits; they become JSON numbers here. */
  private JsonNode cell(String value, String type) {
    if (value == null) {
      return json.nullNode();
    }
    return switch (type) {
      case "integer", "decimal" -> json.getNodeFactory().numberNode(new BigDecimal(value));
      case "boolean" -> json.getNodeFactory().booleanNode(Boolean.parseBoolean(value));
      default -> json.getNodeFactory().textNode(value);
    };
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
