package io.suqi.lakehouse.platinum;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.flink.connector.jdbc.datasource.statements.JdbcQueryStatement;

/**
 * Writes a customer's RFM values to platinum.customer_rfm: an upsert of the absolute values, or a
 * delete when no completed purchase is left. One statement does both (a data-modifying CTE) so the
 * order of a customer's writes is the order of their values.
 */
public final class CustomerRfmStatement implements JdbcQueryStatement<CustomerRfm> {

  private static final long serialVersionUID = 1L;

  @Override
  public String query() {
    return "WITH removed AS (DELETE FROM platinum.customer_rfm WHERE tenant_id = ?::text AND customer_id = ?::bigint "
        + "AND ?::bigint <= 0) "
        + "INSERT INTO platinum.customer_rfm (tenant_id, customer_id, first_purchase_at, last_purchase_at, frequency, "
        + "monetary, updated_at) SELECT ?::text, ?::bigint, ?::timestamptz, ?::timestamptz, ?::bigint, ?::numeric, "
        + "now() WHERE ?::bigint > 0 "
        + "ON CONFLICT (tenant_id, customer_id) DO UPDATE SET first_purchase_at = EXCLUDED.first_purchase_at, "
        + "last_purchase_at = EXCLUDED.last_purchase_at, frequency = EXCLUDED.frequency, "
        + "monetary = EXCLUDED.monetary, updated_at = EXCLUDED.updated_at";
  }

  @Override
  public void statement(PreparedStatement statement, CustomerRfm rfm) throws SQLException {
    // The key, for the delete.
    statement.setString(1, rfm.tenantId());
    statement.setLong(2, rfm.customerId());
    statement.setLong(3, rfm.frequency());
    // The row, for the upsert.
    statement.setString(4, rfm.tenantId());
    statement.setLong(5, rfm.customerId());
    setInstant(statement, 6, rfm.firstPurchaseAt());
    setInstant(statement, 7, rfm.lastPurchaseAt());
    statement.setLong(8, rfm.frequency());
    statement.setBigDecimal(9, rfm.monetary());
    statement.setLong(10, rfm.frequency());
  }

  private static void setInstant(PreparedStatement statement, int index, Instant at) throws SQLException {
    if (at == null) {
      statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      statement.setObject(index, at.atOffset(ZoneOffset.UTC));
    }
  }
}
