package io.suqi.lakehouse.anomaly;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.ZoneOffset;
import org.apache.flink.connector.jdbc.datasource.statements.JdbcQueryStatement;

/**
 * Upserts into gold.anomalies by anomaly_id: found again (a replay), an anomaly updates its values
 * and keeps the time it was first detected. INSERT … SELECT, not VALUES, so that the driver does not
 * merge a batch into one multi-row insert, which may not upsert the same row twice.
 */
public final class AnomalyStatement implements JdbcQueryStatement<DetectedAnomaly> {

  private static final long serialVersionUID = 1L;

  @Override
  public String query() {
    return "INSERT INTO gold.anomalies (anomaly_id, tenant_id, store_id, metric, window_start, window_end, observed, "
        + "expected, score, detected_at) SELECT ?::text, ?::text, ?::bigint, ?::text, ?::timestamptz, ?::timestamptz, "
        + "?::float8, ?::float8, ?::float8, ?::timestamptz ON CONFLICT (anomaly_id) DO UPDATE "
        + "SET observed = EXCLUDED.observed, expected = EXCLUDED.expected, score = EXCLUDED.score";
  }

  @Override
  public void statement(PreparedStatement statement, DetectedAnomaly anomaly) throws SQLException {
    statement.setString(1, anomaly.anomalyId());
    statement.setString(2, anomaly.tenantId());
    statement.setLong(3, anomaly.storeId());
    statement.setString(4, anomaly.metric());
    statement.setObject(5, anomaly.windowStart().atOffset(ZoneOffset.UTC));
    statement.setObject(6, anomaly.windowEnd().atOffset(ZoneOffset.UTC));
    statement.setDouble(7, anomaly.observed());
    statement.setDouble(8, anomaly.expected());
    statement.setDouble(9, anomaly.score());
    statement.setObject(10, anomaly.detectedAt().atOffset(ZoneOffset.UTC));
  }
}
