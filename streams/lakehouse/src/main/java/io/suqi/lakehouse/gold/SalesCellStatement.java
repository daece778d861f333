package io.suqi.lakehouse.gold;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.apache.flink.connector.jdbc.datasource.statements.JdbcQueryStatement;

/**
 * Writes absolute totals to the gold table of one grain: an upsert, or a delete when the row has
 * no completed transaction left. One statement does both (a data-modifying CTE) so the order of
 * a row's writes is the order of its totals.
 */
public final class SalesCellStatement implements JdbcQueryStatement<SalesCell> {

  private static final long serialVersionUID = 1L;

  private final SalesGrain grain;

  public SalesCellStatement(SalesGrain grain) {
    this.grain = grain;
  }

  @Override
  public String query() {
    return switch (grain) {
      case DAILY_STORE -> storeQuery("gold.sales_daily", "day", "date");
      case HOURLY_STORE -> storeQuery("gold.sales_hourly_store", "hour", "timestamptz");
      case DAILY_CATEGORY_REGION -> "WITH removed AS (DELETE FROM gold.sales_daily_category_region "
          + "WHERE tenant_id = ?::text AND day = ?::date AND category = ?::text AND region = ?::text AND ?::bigint <= 0) "
          + "INSERT INTO gold.sales_daily_category_region (tenant_id, day, category, region, revenue, txn_count, units) "
          + "SELECT ?::text, ?::date, ?::text, ?::text, ?::numeric, ?::bigint, ?::bigint WHERE ?::bigint > 0 "
          + "ON CONFLICT (tenant_id, day, category, region) DO UPDATE SET revenue = EXCLUDED.revenue, "
          + "txn_count = EXCLUDED.txn_count, units = EXCLUDED.units";
    };
  }

  private static String storeQuery(String table, String bucketColumn, String bucketType) {
    return "WITH removed AS (DELETE FROM " + table + " WHERE tenant_id = ?::text AND store_id = ?::bigint AND "
        + bucketColumn + " = ?::" + bucketType + " AND ?::bigint <= 0) "
        + "INSERT INTO " + table + " (tenant_id, store_id, " + bucketColumn + ", revenue, txn_count, units) "
        + "SELECT ?::text, ?::bigint, ?::" + bucketType + ", ?::numeric, ?::bigint, ?::bigint WHERE ?::bigint > 0 "
        + "ON CONFLICT (tenant_id, store_id, " + bucketColumn + ") DO UPDATE SET revenue = EXCLUDED.revenue, "
        + "txn_count = EXCLUDED.txn_count, units = EXCLUDED.units";
  }

  @Override
  public void statement(PreparedStatement statement, SalesCell cell) throws SQLException {
    int i = 1;
    // The key, for the delete.
    statement.setString(i++, cell.tenantId());
    i = setBucketKey(statement, i, cell);
    statement.setLong(i++, cell.txnCount());
    // The row, for the upsert.
    statement.setString(i++, cell.tenantId());
    i = setBucketKey(statement, i, cell);
    statement.setBigDecimal(i++, cell.revenue());
    statement.setLong(i++, cell.txnCount());
    statement.setLong(i++, cell.units());
    statement.setLong(i, cell.txnCount());
  }

  private int setBucketKey(PreparedStatement statement, int i, SalesCell cell) throws SQLException {
    switch (grain) {
      case DAILY_STORE -> {
        statement.setLong(i++, cell.storeId());
        statement.setObject(i++, LocalDate.ofInstant(cell.bucket(), ZoneOffset.UTC));
      }
      case HOURLY_STORE -> {
        statement.setLong(i++, cell.storeId());
        statement.setObject(i++, cell.bucket().atOffset(ZoneOffset.UTC));
      }
      case DAILY_CATEGORY_REGION -> {
        statement.setObject(i++, LocalDate.ofInstant(cell.bucket(), ZoneOffset.UTC));
        statement.setString(i++, cell.category());
        statement.setString(i++, cell.region());
      }
    }
    return i;
  }
}
