package io.suqi.orchestrator.log;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.suqi.schemas.AgentResult;
import io.suqi.schemas.Answer;

/** In debug mode, what an agent step adds to the trace: its answer, SQL, columns, rows and citations. */
public final class AgentDetail {

  /** Enough rows to see what came back without copying a large result into the trace. */
  private static final int MAX_ROWS = 20;

  private AgentDetail() {}

  public static ObjectNode of(AgentResult result) {
    Answer answer = result.getAnswer();
    ObjectNode detail = TraceEvents.detail().put("answer_text", answer.getText()).put("sql", answer.getSql());
    ArrayNode columns = detail.putArray("columns");
    answer.getColumns().forEach(columns::add);
    ArrayNode rows = detail.putArray("rows");
    answer.getRows().stream().limit(MAX_ROWS).forEach(row -> {
      ArrayNode cells = rows.addArray();
      row.forEach(cells::add);
    });
    detail.put("row_count", answer.getRows().size());
    ArrayNode citations = detail.putArray("citations");
    answer.getCitations().forEach(c -> citations.add(c.getSourceId()));
    return detail;
  }
}
