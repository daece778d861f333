package io.suqi.lakehouse.bulk;

import java.io.Serializable;
import java.util.List;

/**
 * How one kind of element reaches one Postgres table in bulk: as rows copied into a temporary
 * staging table, then merged into the table by set-based statements in the same transaction; rows
 * that are surely new may be copied into the table directly ({@link #appendCopy}).
 * Merges must be idempotent (insert-if-absent, upsert of absolute values, deletes), so a batch
 * replayed after a restore leaves the same rows.
 *
 * @param <T> the element written
 */
public interface BulkTable<T> extends Serializable {

  /** A short name for the staging table and for messages, e.g. {@code silver_transactions}. */
  String name();

  /** The staging table's columns, as in CREATE TABLE, e.g. {@code txn_id text, deleted boolean}. */
  String stagingColumns();

  /**
   * The element's identity within a batch: of two elements with the same key only the later one
   * is written, as the merge may touch each target row once. Null: every element is written.
   */
  Object key(T element);

  /** Appends the element's rows (none, one or several) to {@code rows}. */
  void write(T element, CopyRows rows);

  /**
   * The key of rows the element removes or replaces, as text, or null. The batch's keys are bound
   * as one text[] to every merge statement with a {@code ?}, which lets Postgres find them by index
   * (a staging table has no statistics); such a statement is skipped when the batch has none.
   */
  default String removedKey(T element) {
    return null;
  }

  /**
   * A COPY straight into the table, {@link CopyRows#copyInto}{@code ("t (a, b)")}, for the elements that
   * only add rows ({@link #addsOnly}); null: every element goes through the staging table. The
   * appended rows skip the merge. If one of them is in the table already (a batch replayed after a
   * restore), the whole batch is merged through the staging table instead.
   */
  default String appendCopy() {
    return null;
  }

  /**
   * Whether the element only adds rows that cannot be in the table yet (unless a replay put them
   * there), so it may be appended with {@link #appendCopy}. Such an element removes nothing.
   */
  default boolean addsOnly(T element) {
    return false;
  }

  /**
   * What turns the staging rows into the table's rows, run in order in the copy's transaction;
   * {@code {stage}} names the staging table.
   */
  List<String> merge();
}
