package io.suqi.agents.analytics;

import io.suqi.agents.analytics.semantic.Dimension;
import io.suqi.agents.analytics.semantic.Filter;
import io.suqi.agents.analytics.semantic.Metric;
import io.suqi.agents.analytics.semantic.SemanticQuery;
import io.suqi.agents.time.TimeRange;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The one-sentence summaries people read with an analytics answer; the rows carry the detail. */
public final class AnswerText {

  /** Rows named in a sentence; the rest are counted ("and 12 more"). */
  static final int ROWS_NAMED = 10;

  public static final String CAPABILITIES = "I can answer revenue, transactions, units sold, average basket, discounts,"
      + " gross margin, distinct customers, refunds and voids; in total or by store, region, city, category, brand,"
      + " product, customer segment, payment method, hour, day, week, month, quarter or year; filtered by the names"
      + " of your stores, regions, cities, categories, brands, products, segments and payment methods; as top or"
      + " bottom N, share of total, a comparison of two periods, a trend, or the anomalies found; for today,"
      + " yesterday, the last N days, this or last week, month, quarter or year, a quarter such as Q3 2025, or a"
      + " month such as March 2026 (with no period, for all time).";

  private AnswerText() {}

  public static String unanswerable(String reason) {
    return "I can't answer that yet: " + reason + ". " + CAPABILITIES;
  }

  /** The answer in words; {@code now} tells a period still running from one that has ended. */
  public static String describe(SemanticQuery query, TabularResult table, Instant now) {
    String period = query.period().label();
    String filters = query.filters().isEmpty() ? "" : " for " + query.filters().stream()
        .map(AnswerText::filterWords).collect(Collectors.joining(", "));
    List<List<String>> rows = table.rows();
    if (query.kind() == SemanticQuery.Kind.ANOMALIES) {
      if (rows.isEmpty()) {
        return "No anomalies found" + filters + ", " + period + ".";
      }
      return rows.size() + (rows.size() == 1 ? " anomaly" : " anomalies") + filters + ", " + period + ": "
          + named(rows, r -> r.get(1) + " " + r.get(2) + " " + forPeople(ColumnType.DECIMAL, r.get(4)) + " against "
              + forPeople(ColumnType.DECIMAL, r.get(5)) + " expected (" + r.get(3) + ")") + cut(table) + ".";
    }
    Metric first = query.metrics().get(0);
    String measured = query.metrics().stream().map(Metric::words).collect(Collectors.joining(" and "));
    if (query.isComparison()) {
      String periods = query.period().label() + " against " + query.earlier().orElseThrow().label();
      int dimensionColumns = dimensionColumnCount(query);
      if (query.dimensions().isEmpty()) {
        List<String> row = rows.get(0);
        return capitalised(first.words()) + filters + ", " + periods + ": " + forPeople(first.type(), row.get(1))
            + " against " + forPeople(first.type(), row.get(0)) + " (" + signed(first.type(), row.get(2))
            + percent(row.get(3)) + ")." + notOver(query, now);
      }
      return capitalised(first.words()) + " by " + dimensionWords(query) + filters + ", " + periods + ": "
          + named(rows, r -> label(query, r) + " " + signed(first.type(), r.get(dimensionColumns + 2))
              + percent(r.get(dimensionColumns + 3))) + cut(table) + "." + notOver(query, now);
    }
    if (query.dimensions().isEmpty()) {
      List<String> row = rows.get(0);
      List<String> values = new ArrayList<>();
      for (int i = 0; i < query.metrics().size(); i++) {
        values.add(query.metrics().get(i).words() + " " + forPeople(query.metrics().get(i).type(), row.get(i)));
      }
      return "Total " + String.join(", ", values) + filters + ", " + period + ".";
    }
    if (rows.isEmpty()) {
      return "No " + first.words() + filters + " for " + period + ".";
    }
    String heading;
    String note = "";
    if (query.ranking().isPresent()) {
      int asked = query.ranking().get().limit();
      String member = query.dimensions().get(0).words();
      heading = (query.ranking().get().highestFirst() ? "Top " : "Bottom ")
          + (asked == 1 ? member : asked + " " + plural(member)) + " by " + measured;
      if (rows.size() < asked) {
        note = " (only " + rows.size() + " to rank)";
      }
    } else {
      heading = capitalised(measured) + " by " + dimensionWords(query);
    }
    int metricColumn = dimensionColumnCount(query);
    return heading + filters + ", " + period + ": "
        + named(rows, r -> label(query, r) + " (" + forPeople(first.type(), r.get(metricColumn))
            + (query.shareOfTotal() ? ", " + r.get(r.size() - 1) + "%" : "") + ")")
        + note + cut(table) + ".";
  }

  /**
   * Says which compared period has not ended ("Q4" asked in December): its figures stop at today,
   * so a fall against a whole period may only be the days still to come.
   */
  private static String notOver(SemanticQuery query, Instant now) {
    List<String> running = Stream.of(query.earlier().orElseThrow(), query.period())
        .filter(range -> range.to().isAfter(now)).map(TimeRange::label).toList();
    if (running.isEmpty()) {
      return "";
    }
    return " " + String.join(" and ", running) + (running.size() == 1 ? " has" : " have")
        + " not ended: figures up to " + LocalDate.ofInstant(now, ZoneOffset.UTC) + " only.";
  }

  private static String filterWords(Filter filter) {
    String values = filter.values().stream().map(String::valueOf).collect(Collectors.joining(" or "));
    return filter.byId() ? filter.dimension().words() + " " + values : values;
  }

  /** A row's name: its dimensions' values, the name rather than the id where there are both. */
  private static String label(SemanticQuery query, List<String> row) {
    List<String> parts = new ArrayList<>();
    int column = 0;
    for (Dimension dimension : query.dimensions()) {
      int width = dimension.columns().size();
      parts.add(row.get(column + width - 1));
      column += width;
    }
    return String.join(" / ", parts);
  }

  private static int dimensionColumnCount(SemanticQuery query) {
    return query.dimensions().stream().mapToInt(d -> d.columns().size()).sum();
  }

  private static String dimensionWords(SemanticQuery query) {
    return query.dimensions().stream().map(Dimension::words).collect(Collectors.joining(" and "));
  }

  private static String named(List<List<String>> rows, java.util.function.Function<List<String>, String> describe) {
    String named = rows.stream().limit(ROWS_NAMED).map(describe).collect(Collectors.joining(", "));
    return named + (rows.size() > ROWS_NAMED ? " and " + (rows.size() - ROWS_NAMED) + " more" : "");
  }

  private static String cut(TabularResult table) {
    return table.truncated() ? "; only the first " + table.rows().size() + " rows are included" : "";
  }

  private static String signed(ColumnType type, String cell) {
    if (cell == null) {
      return "none";
    }
    return (new BigDecimal(cell).signum() > 0 ? "+" : "") + forPeople(type, cell);
  }

  private static String percent(String cell) {
    return cell == null ? "" : ", " + (new BigDecimal(cell).signum() > 0 ? "+" : "") + cell + "%";
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

  private static String plural(String noun) {
    if (noun.endsWith("y") && !noun.endsWith("ay")) {
      return noun.substring(0, noun.length() - 1) + "ies";
    }
    return noun + (noun.endsWith("s") || noun.endsWith("h") ? "es" : "s");
  }

  private static String capitalised(String words) {
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
