package io.suqi.lakehouse.silver;

import java.util.List;

/**
 * An accepted input record, parsed: the input of the dedupe/merge step, keyed by txn id.
 *
 * @param header set for {@link ChangeKind#POS_TRANSACTION} and {@link ChangeKind#CDC_HEADER}
 * @param lines the POS lines, the one CDC line, or for {@link ChangeKind#CDC_LINE_DELETE} the
 *     deleted line (only its line number matters)
 * @param lsn the Debezium log position of a CDC change (orders changes of one row), 0 for POS
 */
public record TxnChange(ChangeKind kind, String txnId, TxnHeader header, List<TxnLine> lines, long lsn,
    RecordOrigin origin) {}
