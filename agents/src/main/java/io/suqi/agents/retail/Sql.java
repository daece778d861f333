package io.suqi.agents.retail;

import io.suqi.agents.analytics.Column;
import io.suqi.agents.analytics.ColumnType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;

/** Small helpers the retail queries share. */
final class Sql {

  /** Bounds for "all time": every instant the tables can hold. */
  static final OffsetDateTime EARLIEST = OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
  static final OffsetDateTime LATEST = OffsetDateTime.of(9999, 12, 31, 0, 0, 0, 0, ZoneOffset.UTC);
  /** Revenue of a line, as the contract defines it. */
  static final String LINE_REVENUE = "i.quantity * i.unit_price - i.discount";

  private Sql() {}

  static OffsetDateTime at(LocalDate day) {
    return day.atStartOfDay().atOffset(ZoneOffset.UTC);
  }

  static OffsetDateTime at(Instant instant, OffsetDateTime ifNull) {
    return instant == null ? ifNull : instant.atOffset(ZoneOffset.UTC);
  }

  /** "(?, ?, ?)": one placeholder per value, so names are bound, never spliced into SQL. */
  static String placeholders(int count) {
    return "(" + String.join(", ", Collections.nCopies(count, "?")) + ")";
  }

  static Column text(String name) {
    return new Column(name, ColumnType.TEXT);
  }

  static Column integer(String name) {
    return new Column(name, ColumnType.INTEGER);
  }

  static Column decimal(String name) {
    return new Column(name, ColumnType.DECIMAL);
  }

  static Column timestamp(String name) {
    return new Column(name, ColumnType.TIMESTAMP);
  }

  static List<Column> columns(Column... columns) {
    return List.of(columns);
  }
}
