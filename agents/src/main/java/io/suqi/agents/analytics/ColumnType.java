package io.suqi.agents.analytics;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Locale;

/**
 * The column types an {@link io.suqi.schemas.Answer} may declare, and how a cell of each is read
 * into text without losing digits.
 */
public enum ColumnType {
  TEXT, INTEGER, DECIMAL, DATE, TIMESTAMP, BOOLEAN;

  /** The name used in Answer.column_types. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The cell as exact text, or null for SQL NULL. */
  String read(ResultSet row, int column) throws SQLException {
    return switch (this) {
      case TEXT -> row.getString(column);
      case INTEGER -> {
        long value = row.getLong(column);
        yield row.wasNull() ? null : Long.toString(value);
      }
      case DECIMAL -> {
        BigDecimal value = row.getBigDecimal(column);
        yield value == null ? null : value.toPlainString();
      }
      case DATE -> {
        LocalDate value = row.getObject(column, LocalDate.class);
        yield value == null ? null : value.toString();
      }
      case TIMESTAMP -> {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        yield value == null ? null : value.toInstant().toString();
      }
      case BOOLEAN -> {
        boolean value = row.getBoolean(column);
        yield row.wasNull() ? null : Boolean.toString(value);
      }
    };
  }
}
