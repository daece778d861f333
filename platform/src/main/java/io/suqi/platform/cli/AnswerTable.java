package io.suqi.platform.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** An answer's columns and rows as a plain-text table, numbers right-aligned. */
final class AnswerTable {

  private final List<String> header = new ArrayList<>();
  private final List<List<JsonNode>> rows = new ArrayList<>();

  AnswerTable(JsonNode columns, JsonNode rowsNode) {
    columns.forEach(c -> header.add(c.asText()));
    rowsNode.forEach(row -> {
      List<JsonNode> cells = new ArrayList<>();
      row.forEach(cells::add);
      rows.add(cells);
    });
  }

  void printTo(PrintStream out) {
    if (header.isEmpty()) {
      return;
    }
    int[] widths = new int[header.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = header.get(i).length();
      for (List<JsonNode> row : rows) {
        widths[i] = Math.max(widths[i], text(row, i).length());
      }
    }
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < widths.length; i++) {
      line.append(i == 0 ? "" : " | ").append(pad(header.get(i), widths[i], false));
    }
    out.println(line.toString().stripTrailing());
    out.println("-".repeat(line.length()));
    for (List<JsonNode> row : rows) {
      line.setLength(0);
      for (int i = 0; i < widths.length; i++) {
        boolean numeric = i < row.size() && row.get(i).isNumber();
        line.append(i == 0 ? "" : " | ").append(pad(text(row, i), widths[i], numeric));
      }
      out.println(line.toString().stripTrailing());
    }
    out.println("(" + rows.size() + (rows.size() == 1 ? " row)" : " rows)"));
  }

  private static String text(List<JsonNode> row, int i) {
    if (i >= row.size() || row.get(i).isNull()) {
      return "";
    }
    JsonNode cell = row.get(i);
    return cell.isNumber() ? cell.decimalValue().toPlainString() : cell.asText();
  }

  private static String pad(String s, int width, boolean right) {
    String fill = " ".repeat(width - s.length());
    return right ? fill + s : s + fill;
  }
}
