package io.suqi.agents.ml.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.suqi.agents.TenantId;
import io.suqi.agents.ml.training.Features;
import io.suqi.agents.ml.training.ForecastMetrics;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** ml.models for one tenant (row-level security): register candidates, promote one, find the serving one. */
public final class ModelRegistry {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String COLUMNS = "name, version, job_id, parameters::text, metrics::text, trained_at, train_to, "
      + "artifact, status, decision";

  private final TenantWriteTransaction transactions;

  public ModelRegistry(TenantWriteTransaction transactions) {
    this.transactions = transactions;
  }

  public int nextVersion(TenantId tenant, String name) throws SQLException {
    return transactions.write(tenant, c -> {
      try (PreparedStatement s = c.prepareStatement(
          "SELECT COALESCE(MAX(version), 0) + 1 FROM ml.models WHERE tenant_id = ? AND name = ?")) {
        s.setString(1, tenant.value());
        s.setString(2, name);
        try (ResultSet rs = s.executeQuery()) {
          rs.next();
          return rs.getInt(1);
        }
      }
    });
  }

  /** Records a candidate; a promoted one replaces the serving model (retired) and drops cached forecasts. */
  public void register(TenantId tenant, RegisteredModel model) throws SQLException {
    transactions.write(tenant, c -> {
      if ("promoted".equals(model.status())) {
        retireServing(c, tenant, model.name());
      }
      try (PreparedStatement s = c.prepareStatement("INSERT INTO ml.models (tenant_id, name, version, job_id, kind, "
          + "parameters, features, metrics, trained_at, train_to, artifact, status, decision) "
          + "VALUES (?, ?, ?, ?, 'gradient_boosted_trees', ?::jsonb, ?, ?::jsonb, ?, ?, ?, ?, ?)")) {
        s.setString(1, tenant.value());
        s.setString(2, model.name());
        s.setInt(3, model.version());
        s.setString(4, model.jobId());
        s.setString(5, json(model.parameters()));
        s.setArray(6, c.createArrayOf("text", Features.NAMES.toArray()));
        s.setString(7, json(metricsJson(model)));
        s.setTimestamp(8, Timestamp.from(model.trainedAt()));
        s.setObject(9, model.trainTo());
        s.setBytes(10, model.artifact());
        s.setString(11, model.status());
        s.setString(12, model.decision());
        s.executeUpdate();
      }
      return null;
    });
  }

  private static void retireServing(Connection c, TenantId tenant, String name) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "UPDATE ml.models SET status = 'retired' WHERE tenant_id = ? AND name = ? AND status = 'promoted'");
        PreparedStatement cache = c.prepareStatement("DELETE FROM ml.predictions WHERE tenant_id = ? AND name = ?")) {
      s.setString(1, tenant.value());
      s.setString(2, name);
      s.executeUpdate();
      cache.setString(1, tenant.value());
      cache.setString(2, name);
      cache.executeUpdate();
    }
  }

  public Optional<RegisteredModel> serving(TenantId tenant, String name) throws SQLException {
    return transactions.write(tenant, c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS
          + " FROM ml.models WHERE tenant_id = ? AND name = ? AND status = 'promoted'")) {
        s.setString(1, tenant.value());
        s.setString(2, name);
        try (ResultSet rs = s.executeQuery()) {
          return rs.next() ? Optional.of(read(rs)) : Optional.empty();
        }
      }
    });
  }

  private static RegisteredModel read(ResultSet rs) throws SQLException {
    try {
      JsonNode metrics = JSON.readTree(rs.getString(5));
      @SuppressWarnings("unchecked")
      Map<String, Object> parameters = JSON.readValue(rs.getString(4), Map.class);
      return new RegisteredModel(rs.getString(1), rs.getInt(2), rs.getString(3), parameters,
          new ForecastMetrics(metrics.path("mape").asDouble(), metrics.path("rmse").asDouble(),
              metrics.path("test_days").asInt()),
          new ForecastMetrics(metrics.path("baseline_mape").asDouble(), metrics.path("baseline_rmse").asDouble(),
              metrics.path("test_days").asInt()),
          LocalDate.parse(metrics.path("test_from").asText()), LocalDate.parse(metrics.path("test_to").asText()),
          rs.getTimestamp(6).toInstant(), rs.getObject(7, LocalDate.class), rs.getBytes(8), rs.getString(9),
          rs.getString(10));
    } catch (JsonProcessingException e) {
      throw new SQLException("unreadable ml.models row: " + e.getMessage(), e);
    }
  }

  private static Map<String, Object> metricsJson(RegisteredModel model) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("mape", model.metrics().mape());
    m.put("rmse", model.metrics().rmse());
    m.put("baseline_mape", model.baseline().mape());
    m.put("baseline_rmse", model.baseline().rmse());
    m.put("test_days", model.metrics().days());
    m.put("test_from", model.testFrom().toString());
    m.put("test_to", model.testTo().toString());
    return m;
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
