package io.suqi.demo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** Runs one-value queries in tests. */
final class ScalarQueries {

  private final DataSource dataSource;

  ScalarQueries(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  long count(String query) throws SQLException {
    return ((Number) value(query)).longValue();
  }

  double number(String query) throws SQLException {
    return ((Number) value(query)).doubleValue();
  }

  String text(String query) throws SQLException {
    return String.valueOf(value(query));
  }

  Object value(String query) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(query)) {
      if (!rows.next()) {
        throw new IllegalStateException("no row from " + query);
      }
      return rows.getObject(1);
    }
  }
}
