package io.suqi.agents.analytics;

import io.suqi.agents.analytics.AnalyticsQuery.Grouping;
import io.suqi.agents.analytics.AnalyticsQuery.Order;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The one-sentence summaries people read with an analytics answer. */
public final class AnswerText {

  /** Stores named in a sentence; the rest are counted ("and 12 more"). */
  static final int STORES_NAMED = 10;

  public static final String CAPABILITIES = "I can answer revenue, units sold or number of transactions,"
      + " in total, by store, or for the top or bottom N stores, for today, yesterday, the last N days,"
      + " this or last week, month, quarter or year, a quarter such as Q3 2025, or a month such as March 2026"
      + " (with no period, for all time).";

  private AnswerText() {}

  public static String unanswerable(String reason) {
    return "I can't answer that yet: " + reason + ". " + CAPABILITIES;
  }

  public static String describe(AnalyticsQuery query, TabularResult table) {
    Metric metric = query.metric();
    String period = query.period().label();
    if (query.grouping() == Grouping.TOTAL) {
      return "Total " + metric.words() + ", " + period + ": " + forPeople(metric.type(), table.rows().get(0).get(0)) + ".";
    }
    List<List<String>> rows = table.rows();
    if (rows.isEmpty()) {
      return "No stores to show for " + period + ".";
    }
    String heading;
    String note = "";
    if (query.limit().isEmpty()) {
      heading = capitalised(metric.words()) + " by store, " + period;
    } else {
      int asked = query.limit().getAsInt();
      heading = (query.order() == Order.HIGHEST_FIRST ? "Top " : "Bottom ")
          + (asked == 1 ? "store" : asked + " stores") + " by " + metric.words() + ", " + period;
      if (rows.size() < asked) {
        note = " (only " + rows.size() + (rows.size() == 1 ? " store" : " stores") + " to rank)";
      }
    }
    String named = rows.stream().limit(STORES_NAMED)
        .map(row -> row.get(1) + " (" + forPeople(metric.type(), row.get(2)) + ")")
        .collect(Collectors.joining(", "));
    String more = rows.size() > STORES_NAMED ? " and " + (rows.size() - STORES_NAMED) + " more" : "";
    String cut = table.truncated() ? "; only the first " + rows.size() + " rows are included" : "";
    return heading + ": " + named + more + note + cut + ".";
  }

  /** 12345.67 as "12,345.67"; 1234 as "1,234". */
  static String forPeople(ColumnType type, String cell) {
    if (cell == null) {
      return "none";
    }
    return switch (type) {
      case DECIMAL -> String.format(Locale.US, "%,.2f", new BigDecimal(cell));
      case INTEGER -> String.format(Locale.US, "%,d", Long.parseLong(cell));
      default -> cell;
    };
  }

  private static String capitalised(String words) {
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
