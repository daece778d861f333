package io.suqi.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** "Top N stores by revenue last month" written directly in SQL, and the same rows read from an answer. */
final class TopStoresReference {

  private TopStoresReference() {}

  /** The reference: (store_id, revenue) over retail.*, for one tenant. */
  static List<List<Object>> topStoresLastMonth(DataSource db, String tenant, int n) throws Exception {
    LocalDate thisMonth = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1);
    String sql = """
        SELECT t.store_id, sum(i.quantity * i.unit_price - i.discount) AS revenue
        FROM retail.transactions t JOIN retail.transaction_items i ON i.txn_id = t.txn_id
        WHERE t.tenant_id = ? AND t.status = 'completed' AND t.ts >= ? AND t.ts < ?
        GROUP BY t.store_id ORDER BY revenue DESC, t.store_id LIMIT ?""";
    List<List<Object>> rows = new ArrayList<>();
    try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, tenant);
      s.setTimestamp(2, Timestamp.from(thisMonth.minusMonths(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
      s.setTimestamp(3, Timestamp.from(thisMonth.atStartOfDay(ZoneOffset.UTC).toInstant()));
      s.setInt(4, n);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          rows.add(List.of(rs.getLong(1), rs.getBigDecimal(2).stripTrailingZeros()));
        }
      }
    }
    return rows;
  }

  /** (store_id, revenue) of each answer row, found by column name. */
  static List<List<Object>> storeRevenues(JsonNode answer) {
    List<String> columns = new ArrayList<>();
    answer.path("answer").path("columns").forEach(c -> columns.add(c.asText()));
    int store = columns.indexOf("store_id");
    int revenue = columns.indexOf("revenue");
    assertThat(store).as("columns %s", columns).isNotNegative();
    assertThat(revenue).as("columns %s", columns).isNotNegative();
    List<List<Object>> rows = new ArrayList<>();
    answer.path("answer").path("rows").forEach(row -> rows.add(List.of(row.get(store).asLong(),
        new BigDecimal(row.get(revenue).asText()).stripTrailingZeros())));
    return rows;
  }
}
