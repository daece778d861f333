package io.suqi.agents.ml.training;

import io.suqi.agents.TenantId;
import io.suqi.agents.TenantReadTransaction;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Reads the tenant's rows of platinum.store_day_features (row-level security as the ML role). */
public final class FeatureReader {

  public static final String SQL = "SELECT store_id, day, revenue, revenue_lag_1d, revenue_lag_7d, revenue_lag_28d, "
      + "revenue_7d, revenue_28d, day_of_week, month, is_holiday FROM platinum.store_day_features "
      + "WHERE tenant_id = ? ORDER BY day, store_id";

  private final TenantReadTransaction transactions;

  public FeatureReader(TenantReadTransaction transactions) {
    this.transactions = transactions;
  }

  /**
   * The days before {@code today}: today is still selling, and its partial revenue would read as a
   * collapse to a model trained or tested on it.
   */
  public static List<StoreDay> completeDays(List<StoreDay> rows, LocalDate today) {
    return rows.stream().filter(row -> row.day().isBefore(today)).toList();
  }

  public List<StoreDay> all(TenantId tenant) throws SQLException {
    return transactions.read(tenant, c -> {
      try (PreparedStatement s = c.prepareStatement(SQL)) {
        s.setString(1, tenant.value());
        List<StoreDay> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            rows.add(new StoreDay(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getDouble(3), rs.getDouble(4),
                rs.getDouble(5), rs.getDouble(6), rs.getDouble(7), rs.getDouble(8), rs.getInt(9), rs.getInt(10),
                rs.getBoolean(11)));
          }
        }
        return rows;
      }
    });
  }
}
