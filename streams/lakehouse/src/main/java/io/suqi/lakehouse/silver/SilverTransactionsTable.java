package io.suqi.lakehouse.silver;

import io.suqi.lakehouse.bulk.BulkTable;
import io.suqi.lakehouse.bulk.CopyRows;
import java.util.List;

/**
 * silver.transactions: the current version of each transaction upserted, a deleted one's row
 * removed. A batch keeps each transaction's latest version only, so versions apply in order. A
 * transaction's first version is appended.
 */
public final class SilverTransactionsTable implements BulkTable<SilverChange> {

  private static final long serialVersionUID = 1L;
  private static final String COLUMNS =
      "txn_id, tenant_id, store_id, customer_id, ts, status, payment_method, region, source, updated_at";

  @Override
  public String name() {
    return "silver_transactions";
  }

  @Override
  public String stagingColumns() {
    return "txn_id text, tenant_id text, store_id bigint, customer_id bigint, ts timestamptz, status text, "
        + "payment_method text, region text, source text, updated_at timestamptz";
  }

  @Override
  public Object key(SilverChange change) {
    return change.txnId();
  }

  @Override
  public void write(SilverChange change, CopyRows rows) {
    SilverTransaction txn = change.current();
    if (txn.isDeleted()) {
      return;
    }
    TxnHeader header = txn.header();
    rows.text(txn.txnId()).text(header.tenantId()).bigint(header.storeId()).bigint(header.customerId())
        .timestamp(header.ts()).text(header.status()).text(header.paymentMethod()).text(header.region())
        .text(txn.source().label()).timestamp(txn.updatedAt()).end();
  }

  @Override
  public String removedKey(SilverChange change) {
    return change.current().isDeleted() ? change.txnId() : null;
  }

  @Override
  public boolean addsOnly(SilverChange change) {
    return change.previous() == null && !change.current().isDeleted();
  }

  @Override
  public String appendCopy() {
    return CopyRows.copyInto("silver.transactions (" + COLUMNS + ")");
  }

  @Override
  public List<String> merge() {
    return List.of("DELETE FROM silver.transactions WHERE txn_id = ANY (?)",
        "INSERT INTO silver.transactions (" + COLUMNS + ") SELECT " + COLUMNS + " FROM {stage} "
            + "ON CONFLICT (txn_id) DO UPDATE SET tenant_id = EXCLUDED.tenant_id, store_id = EXCLUDED.store_id, "
            + "customer_id = EXCLUDED.customer_id, ts = EXCLUDED.ts, status = EXCLUDED.status, "
            + "payment_method = EXCLUDED.payment_method, region = EXCLUDED.region, source = EXCLUDED.source, "
            + "updated_at = EXCLUDED.updated_at");
  }
}
