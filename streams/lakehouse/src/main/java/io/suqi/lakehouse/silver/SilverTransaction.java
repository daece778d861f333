package io.suqi.lakehouse.silver;

import io.suqi.lakehouse.bronze.InputSource;
import java.time.Instant;
import java.util.List;

/**
 * The merged current version of a transaction, as written to silver.transactions and
 * silver.transaction_items; or, with no header, the notice that the transaction was deleted.
 *
 * @param lines sorted by line number; empty when deleted
 * @param source where the header came from; null when deleted
 */
public record SilverTransaction(String txnId, TxnHeader header, List<TxnLine> lines, InputSource source,
    Instant updatedAt) {

  public static SilverTransaction deleted(String txnId, Instant at) {
    return new SilverTransaction(txnId, null, List.of(), null, at);
  }

  public boolean isDeleted() {
    return header == null;
  }
}
