package io.suqi.lakehouse.metrics;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.ZoneOffset;
import org.apache.flink.connector.jdbc.datasource.statements.JdbcQueryStatement;

/**
 * Upserts a store-minute into gold.store_minute_metrics: the latest total of a minute wins.
 *
 * <p>INSERT … SELECT, not VALUES: the driver rewrites a batch of INSERT … VALUES into one multi-row
 * insert (reWriteBatchedInserts), and one statement may not upsert the same row twice, which a
 * minute re-emitted within a batch would.
 */
public final class StoreMinuteStatement implements JdbcQueryStatement<StoreMinute> {

  private static final long serialVersionUID = 1L;

  @Override
  public String query() {
    return "INSERT INTO gold.store_minute_metrics (tenant_id, store_id, window_start, window_end, txn_count, revenue) "
        + "SELECT ?::text, ?::bigint, ?::timestamptz, ?::timestamptz, ?::bigint, ?::numeric "
        + "ON CONFLICT (tenant_id, store_id, window_start) DO UPDATE SET "
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
