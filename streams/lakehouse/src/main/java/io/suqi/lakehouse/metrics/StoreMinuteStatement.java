package io.suqi.lakehouse.metrics;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.ZoneOffset;
import org.apache.flink.connector.jdbc.datasource.statements.JdbcQueryStatement;

/** Upserts a store-minute into gold.store_minute_metrics: the latest total of a minute wins. */
public final class StoreMinuteStatement implements JdbcQueryStatement<StoreMinute> {

  private static final long serialVersionUID = 1L;

  @Override
  public String query() {
    return "INSERT INTO gold.store_minute_metrics (tenant_id, store_id, window_start, window_end, txn_count, revenue) "
        + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (tenant_id, store_id, window_start) DO UPDATE SET "
        + "window_end = EXCLUDED.window_end, txn_count = EXCLUDED.txn_count, revenue = EXCLUDED.revenue";
  }

  @Override
  public void statement(PreparedStatement statement, StoreMinute minute) throws SQLException {
    statement.setString(1, minute.tenantId());
    statement.setLong(2, minute.storeId());
    statement.setObject(3, minute.windowStart().atOffset(ZoneOffset.UTC));
    statement.setObject(4, minute.windowEnd().atOffset(ZoneOffset.UTC));
    statement.setLong(5, minute.txnCount());
    statement.setBigDecimal(6, minute.revenue());
  }
}
