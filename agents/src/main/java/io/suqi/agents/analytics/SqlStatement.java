package io.suqi.agents.analytics;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Parameterised SQL with its bind values (JDBC-ready: String, Integer, OffsetDateTime, LocalDate)
 * and the columns it returns.
 */
public record SqlStatement(String sql, List<Object> parameters, List<Column> columns) {

  public SqlStatement {
    parameters = List.copyOf(parameters);
    columns = List.copyOf(columns);
  }

  /** The SQL followed by a comment listing the bound values, to show with an answer. */
  public String withParameters() {
    String values = parameters.stream()
        .map(SqlStatement::literal)
        .map(v -> v.replaceAll("[\\r\\n]", " ")) // keep the comment on one line
        .collect(Collectors.joining(", "));
    return sql + "\n-- parameters: " + values;
  }

  private static String literal(Object parameter) {
    if (parameter instanceof String text) {
      return "'" + text.replace("'", "''") + "'";
    }
    if (parameter instanceof OffsetDateTime timestamp) {
      return timestamp.toInstant().toString();
    }
    return String.valueOf(parameter);
  }
}
