package io.suqi.lakehouse.platinum;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import org.apache.flink.connector.jdbc.datasource.statements.JdbcQueryStatement;

/**
 * Upserts a feature row into platinum.store_day_features: the latest values of a store-day win.
 * INSERT … SELECT, not VALUES, so that the driver does not merge a batch into one multi-row insert,
 * which may not upsert the same row twice (a late day re-emits rows that may already be in the batch).
 */
public final class StoreDayFeaturesStatement implements JdbcQueryStatement<StoreDayFeatures> {

  private static final long serialVersionUID = 1L;

  @Override
  public String query() {
    return "INSERT INTO platinum.store_day_features (tenant_id, store_id, day, revenue, txn_count, units, avg_basket, "
        + "revenue_7d, revenue_28d, txn_count_7d, txn_count_28d, revenue_lag_1d, revenue_lag_7d, revenue_lag_28d, "
        + "day_of_week, month, is_holiday, updated_at) "
        + "SELECT ?::text, ?::bigint, ?::date, ?::numeric, ?::bigint, ?::bigint, ?::numeric, ?::numeric, ?::numeric, "
        + "?::bigint, ?::bigint, ?::numeric, ?::numeric, ?::numeric, ?::smallint, ?::smallint, ?::boolean, now() "
        + "ON CONFLICT (tenant_id, store_id, day) DO UPDATE SET revenue = EXCLUDED.revenue, "
        + "txn_count = EXCLUDED.txn_count, units = EXCLUDED.units, avg_basket = EXCLUDED.avg_basket, "
        + "revenue_7d = EXCLUDED.revenue_7d, revenue_28d = EXCLUDED.revenue_28d, "
        + "txn_count_7d = EXCLUDED.txn_count_7d, txn_count_28d = EXCLUDED.txn_count_28d, "
        + "revenue_lag_1d = EXCLUDED.revenue_lag_1d, revenue_lag_7d = EXCLUDED.revenue_lag_7d, "
        + "revenue_lag_28d = EXCLUDED.revenue_lag_28d, day_of_week = EXCLUDED.day_of_week, month = EXCLUDED.month, "
        + "is_holiday = EXCLUDED.is_holiday, updated_at = EXCLUDED.updated_at";
  }

  @Override
  public void statement(PreparedStatement statement, StoreDayFeatures row) throws SQLException {
    statement.setString(1, row.tenantId());
    statement.setLong(2, row.storeId());
    statement.setObject(3, row.date());
    statement.setBigDecimal(4, row.revenue());
    statement.setLong(5, row.txnCount());
    statement.setLong(6, row.units());
    if (row.avgBasket() == null) {
      statement.setNull(7, Types.NUMERIC);
    } else {
      statement.setBigDecimal(7, row.avgBasket());
    }
    statement.setBigDecimal(8, row.revenue7d());
    statement.setBigDecimal(9, row.revenue28d());
    statement.setLong(10, row.txnCount7d());
    statement.setLong(11, row.txnCount28d());
    statement.setBigDecimal(12, row.revenueLag1d());
    statement.setBigDecimal(13, row.revenueLag7d());
    statement.setBigDecimal(14, row.revenueLag28d());
    statement.setInt(15, row.dayOfWeek());
    statement.setInt(16, row.month());
    statement.setBoolean(17, row.holiday());
  }
}
