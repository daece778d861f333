package io.suqi.agents.ml.serving;

import io.suqi.agents.TenantId;
import io.suqi.agents.ml.registry.TenantWriteTransaction;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Forecasts already served, in ml.predictions, keyed by model version: a newly promoted model
 * deletes its predecessor's (ModelRegistry), and its own version never matches the old rows.
 */
public final class PredictionCache {

  private final TenantWriteTransaction transactions;

  public PredictionCache(TenantWriteTransaction transactions) {
    this.transactions = transactions;
  }

  public List<Forecaster.DayForecast> find(TenantId tenant, String name, int version, long store, LocalDate from,
      int days) throws SQLException {
    return transactions.write(tenant, c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT day, predicted FROM ml.predictions WHERE tenant_id = ? "
          + "AND name = ? AND version = ? AND store_id = ? AND day >= ? AND day < ? ORDER BY day")) {
        s.setString(1, tenant.value());
        s.setString(2, name);
        s.setInt(3, version);
        s.setLong(4, store);
        s.setObject(5, from);
        s.setObject(6, from.plusDays(days));
        List<Forecaster.DayForecast> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            rows.add(new Forecaster.DayForecast(rs.getObject(1, LocalDate.class), rs.getDouble(2)));
          }
        }
        return rows.size() == days ? rows : List.of();
      }
    });
  }

  public void put(TenantId tenant, String name, int version, long store, List<Forecaster.DayForecast> rows)
      throws SQLException {
    transactions.write(tenant, c -> {
      try (PreparedStatement s = c.prepareStatement("INSERT INTO ml.predictions (tenant_id, name, version, store_id, "
          + "day, predicted) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
        for (Forecaster.DayForecast row : rows) {
          s.setString(1, tenant.value());
          s.setString(2, name);
          s.setInt(3, version);
          s.setLong(4, store);
          s.setObject(5, row.day());
          s.setBigDecimal(6, BigDecimal.valueOf(row.revenue()).setScale(2, RoundingMode.HALF_EVEN));
          s.addBatch();
        }
        s.executeBatch();
      }
      return null;
    });
  }
}
