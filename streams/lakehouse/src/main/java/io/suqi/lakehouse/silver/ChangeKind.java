package io.suqi.lakehouse.silver;

/** What an accepted input record says about a transaction. */
public enum ChangeKind {
  /** A POS record: the whole transaction, header and lines. */
  POS_TRANSACTION,
  /** A CDC create, update or snapshot read of retail.transactions. */
  CDC_HEADER,
  /** A CDC delete of retail.transactions: the transaction is gone. */
  CDC_HEADER_DELETE,
  /** A CDC create, update or snapshot read of retail.transaction_items. */
  CDC_LINE,
  /** A CDC delete of retail.transaction_items. */
  CDC_LINE_DELETE
}
