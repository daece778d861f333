package io.suqi.lakehouse.silver;

/**
 * One change of a transaction's silver version, for the analytics that count transactions (store
 * metrics, customer purchases): the version emitted before and the one now. Carrying the previous
 * version is what lets those consumers take back exactly what they counted without a memory (and
 * a keyed state, and a shuffle) of their own.
 *
 * @param previous null for a transaction's first version
 * @param current a deletion notice ({@link SilverTransaction#isDeleted()}) when it was deleted
 * @param number numbers the versions of one txn_id from 1; a transaction brought back after a
 *     delete continues the numbering while silver remembers it (its retention)
 */
public record SilverChange(SilverTransaction previous, SilverTransaction current, int number) {

  public String txnId() {
    return current.txnId();
  }
}
