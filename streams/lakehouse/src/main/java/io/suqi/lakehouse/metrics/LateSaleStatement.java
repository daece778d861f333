package io.suqi.lakehouse.metrics;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.ZoneOffset;
import org.apache.flink.connector.jdbc.datasource.statements.JdbcQueryStatement;

/**
 * Inserts into gold.late_events; a replayed change (same txn_id and version) is ignored. Plain
 * VALUES: the driver may merge a batch into one multi-row insert, which DO NOTHING allows.
 */
public final class LateSaleStatement implements JdbcQueryStatement<LateSale> {

  private static final long serialVersionUID = 1L;

  @Override
  public String query() {
    return "INSERT INTO gold.late_events (txn_id, version, tenant_id, store_id, event_ts, arrived_at, watermark, "
        + "reason, txn_count_delta, revenue_delta) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        + "ON CONFLICT (txn_id, version) DO NOTHING";
  }

  @Override
  public void statement(PreparedStatement statement, LateSale late) throws SQLException {
    statement.setString(1, late.txnId());
    statement.setInt(2, late.version());
    statement.setString(3, late.tenantId());
    statement.setLong(4, late.storeId());
    statement.setObject(5, late.ts().atOffset(ZoneOffset.UTC));
    statement.setObject(6, late.arrivedAt().atOffset(ZoneOffset.UTC));
    statement.setObject(7, late.watermark().atOffset(ZoneOffset.UTC));
    statement.setString(8, late.reason().label());
    statement.setInt(9, late.txnCountDelta());
    statement.setBigDecimal(10, late.revenueDelta());
  }
}
