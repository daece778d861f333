package io.suqi.platform.health;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The ML agent's serving models, for agent.ml in the health report: per tenant the promoted
 * version, its test metrics against the baseline, and how many days of actuals arrived since.
 */
final class PromotedModels {

  private static final String SQL = "SELECT m.tenant_id, m.name, m.version, m.trained_at, (m.metrics->>'mape')::float8, "
      + "(m.metrics->>'baseline_mape')::float8, (SELECT count(DISTINCT f.day) FROM platinum.store_day_features f "
      + "WHERE f.tenant_id = m.tenant_id AND f.day > (m.metrics->>'test_to')::date) "
      + "FROM ml.models m WHERE m.status = 'promoted' ORDER BY m.tenant_id, m.name";

  private PromotedModels() {}

  static List<Map<String, Object>> of(DataSource db) throws SQLException {
    try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(SQL)) {
      s.setQueryTimeout(3);
      List<Map<String, Object>> models = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          Map<String, Object> model = new LinkedHashMap<>();
          model.put("tenant", rs.getString(1));
          model.put("model", rs.getString(2) + "@v" + rs.getInt(3));
          model.put("trained_at", rs.getTimestamp(4).toInstant().toString());
          model.put("test_mape", Math.round(rs.getDouble(5) * 100) / 100.0);
          model.put("baseline_mape", Math.round(rs.getDouble(6) * 100) / 100.0);
          model.put("days_of_actuals_since", rs.getLong(7));
          models.add(model);
        }
      }
      return models;
    }
  }
}
