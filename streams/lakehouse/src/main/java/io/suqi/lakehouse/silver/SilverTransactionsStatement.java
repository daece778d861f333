package io.suqi.lakehouse.silver;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.ZoneOffset;
import org.apache.flink.connector.jdbc.datasource.statements.JdbcQueryStatement;

/**
 * Upserts the current version into silver.transactions, or deletes the row of a deleted
 * transaction. One statement does either, so a transaction's writes apply in order.
 */
public final class SilverTransactionsStatement implements JdbcQueryStatement<SilverTransaction> {

  private static final long serialVersionUID = 1L;

  @Override
  public String query() {
    return "WITH removed AS (DELETE FROM silver.transactions WHERE txn_id = ?::text AND ?::boolean) "
        + "INSERT INTO silver.transactions (txn_id, tenant_id, store_id, customer_id, ts, status, payment_method, "
        + "region, source, updated_at) "
        + "SELECT ?::text, ?::text, ?::bigint, ?::bigint, ?::timestamptz, ?::text, ?::text, ?::text, ?::text, "
        + "?::timestamptz WHERE NOT ?::boolean "
        + "ON CONFLICT (txn_id) DO UPDATE SET tenant_id = EXCLUDED.tenant_id, store_id = EXCLUDED.store_id, "
        + "customer_id = EXCLUDED.customer_id, ts = EXCLUDED.ts, status = EXCLUDED.status, "
        + "payment_method = EXCLUDED.payment_method, region = EXCLUDED.region, source = EXCLUDED.source, "
        + "updated_at = EXCLUDED.updated_at";
  }

  @Override
  public void statement(PreparedStatement statement, SilverTransaction txn) throws SQLException {
    boolean deleted = txn.isDeleted();
    statement.setString(1, txn.txnId());
    statement.setBoolean(2, deleted);
    statement.setString(3, txn.txnId());
    if (deleted) {
      for (int i = 4; i <= 11; i++) {
        statement.setNull(i, Types.VARCHAR);
      }
      statement.setObject(12, txn.updatedAt().atOffset(ZoneOffset.UTC));
    } else {
      TxnHeader header = txn.header();
      statement.setString(4, header.tenantId());
      statement.setLong(5, header.storeId());
      if (header.customerId() == null) {
        statement.setNull(6, Types.BIGINT);
      } else {
        statement.setLong(6, header.customerId());
      }
      statement.setObject(7, header.ts().atOffset(ZoneOffset.UTC));
      statement.setString(8, header.status());
      statement.setString(9, header.paymentMethod());
      statement.setString(10, header.region());
      statement.setString(11, txn.source().label());
      statement.setObject(12, txn.updatedAt().atOffset(ZoneOffset.UTC));
    }
    statement.setBoolean(13, deleted);
  }
}
