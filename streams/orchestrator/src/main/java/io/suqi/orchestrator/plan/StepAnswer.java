package io.suqi.orchestrator.plan;

import io.suqi.schemas.Answer;
import io.suqi.schemas.Citation;
import java.util.ArrayList;
import java.util.List;

/**
 * A plan step's answer as kept in the pending-question store (JSON): the same fields as the Avro
 * {@link Answer}, which Jackson cannot write as it is.
 */
public record StepAnswer(String text, String sql, List<String> columns, List<String> columnTypes,
    List<List<String>> rows, List<Source> citations) {

  /** A citation of the answer. */
  public record Source(String sourceId, String title, String snippet) {}

  public StepAnswer {
    text = text == null ? "" : text;
    columns = columns == null ? List.of() : List.copyOf(columns);
    columnTypes = columnTypes == null ? List.of() : List.copyOf(columnTypes);
    // rows keep their nulls (a null cell is a SQL NULL), so they are copied by hand
    List<List<String>> copied = new ArrayList<>();
    if (rows != null) {
      rows.forEach(row -> copied.add(java.util.Collections.unmodifiableList(new ArrayList<>(row))));
    }
    rows = java.util.Collections.unmodifiableList(copied);
    citations = citations == null ? List.of() : List.copyOf(citations);
  }

  /** Only a sentence: why a step has no answer. */
  public static StepAnswer text(String text) {
    return new StepAnswer(text, null, List.of(), List.of(), List.of(), List.of());
  }

  public static StepAnswer of(Answer answer) {
    return new StepAnswer(answer.getText(), answer.getSql(), answer.getColumns(), answer.getColumnTypes(),
        answer.getRows(), answer.getCitations().stream()
            .map(c -> new Source(c.getSourceId(), c.getTitle(), c.getSnippet())).toList());
  }

  /** Back to Avro; every array is set (see AgentResults.textAnswer for why). */
  public Answer toAvro() {
    return Answer.newBuilder()
        .setText(text)
        .setSql(sql)
        .setColumns(columns)
        .setColumnTypes(columnTypes)
        .setRows(rows)
        .setCitations(citations.stream().map(c -> Citation.newBuilder().setSourceId(c.sourceId()).setTitle(c.title())
            .setSnippet(c.snippet()).build()).toList())
        .build();
  }
}
