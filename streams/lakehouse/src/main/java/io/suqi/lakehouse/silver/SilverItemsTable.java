package io.suqi.lakehouse.silver;

import io.suqi.lakehouse.bulk.BulkTable;
import io.suqi.lakehouse.bulk.CopyRows;
import java.util.List;

/**
 * silver.transaction_items: exactly the lines of each transaction's current version. Lines no
 * longer present are deleted, the others upserted; a deleted transaction has no lines.
 */
public final class SilverItemsTable implements BulkTable<SilverChange> {

  private static final long serialVersionUID = 1L;
  private static final String COLUMNS = "txn_id, line_no, product_id, quantity, unit_price, discount, category";

  @Override
  public String name() {
    return "silver_transaction_items";
  }

  @Override
  public String stagingColumns() {
    return "txn_id text, line_no int, product_id bigint, quantity int, unit_price numeric, discount numeric, "
        + "category text";
  }

  @Override
  public Object key(SilverChange change) {
    return change.txnId();
  }

  @Override
  public void write(SilverChange change, CopyRows rows) {
    SilverTransaction txn = change.current();
    for (TxnLine line : txn.lines()) {
      rows.text(txn.txnId()).integer(line.lineNo()).bigint(line.productId()).integer(line.quantity())
          .decimal(line.unitPrice()).decimal(line.discount()).text(line.category()).end();
    }
  }

  /**
   * Only a version that replaces another may drop lines (a transaction's first version has none
   * to drop; when it is replayed after a restore, so is every later version). Most versions are
   * first versions, so most batches delete nothing.
   */
  @Override
  public String removedKey(SilverChange change) {
    return change.previous() == null ? null : change.txnId();
  }

  /** A first version's lines are new (when it is replayed after a restore, the append fails and it is merged). */
  @Override
  public boolean addsOnly(SilverChange change) {
    return change.previous() == null;
  }

  @Override
  public String appendCopy() {
    return CopyRows.copyInto("silver.transaction_items (" + COLUMNS + ")");
  }

  @Override
  public List<String> merge() {
    return List.of("DELETE FROM silver.transaction_items i WHERE i.txn_id = ANY (?) AND NOT EXISTS "
            + "(SELECT 1 FROM {stage} s WHERE s.txn_id = i.txn_id AND s.line_no = i.line_no)",
        "INSERT INTO silver.transaction_items (" + COLUMNS + ") SELECT " + COLUMNS + " FROM {stage} "
            + "ON CONFLICT (txn_id, line_no) DO UPDATE SET product_id = EXCLUDED.product_id, "
            + "quantity = EXCLUDED.quantity, unit_price = EXCLUDED.unit_price, discount = EXCLUDED.discount, "
            + "category = EXCLUDED.category");
  }
}
