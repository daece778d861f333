package io.suqi.agents.analytics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Rows read from a query, each cell as exact text or null.
 *
 * @param truncated whether the query had more rows than were kept
 */
public record TabularResult(List<Column> columns, List<List<String>> rows, boolean truncated) {

  public TabularResult {
    columns = List.copyOf(columns);
    // cells may be null, which List.copyOf refuses
    rows = rows.stream().map(row -> Collections.unmodifiableList(new ArrayList<>(row))).toList();
  }
}
