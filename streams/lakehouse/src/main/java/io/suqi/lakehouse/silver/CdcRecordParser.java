package io.suqi.lakehouse.silver;

import com.fasterxml.jackson.databind.JsonNode;
import io.suqi.lakehouse.bronze.InputSource;
import io.suqi.lakehouse.quality.Expectation;
import io.suqi.lakehouse.quality.ExpectationReport;
import java.util.List;
import java.util.Set;

/**
 * Reads Debezium change events of retail.transactions and retail.transaction_items (JSON without
 * schemas): {"before","after","source":{…,"lsn"},"op","ts_ms"}. Creates, updates and snapshot
 * reads carry the new row in "after"; deletes carry the key columns in "before".
 */
final class CdcRecordParser {

  private static final Set<String> UPSERTS = Set.of("c", "u", "r");
  private static final String DELETE = "d";

  private final TransactionReader reader;

  CdcRecordParser(TransactionReader reader) {
    this.reader = reader;
  }

  TxnChange header(JsonNode event, RecordOrigin origin, ExpectationReport report) {
    JsonNode row = rowImage(event, report);
    if (row == null) {
      return null;
    }
    long lsn = lsn(event);
    if (isDelete(event)) {
      String txnId = reader.txnId(row, report);
      return txnId == null ? null : new TxnChange(ChangeKind.CDC_HEADER_DELETE, txnId, null, List.of(), lsn, origin);
    }
    TxnHeader header = reader.header(row, report);
    return header == null ? null : new TxnChange(ChangeKind.CDC_HEADER, header.txnId(), header, List.of(), lsn, origin);
  }

  TxnChange line(JsonNode event, RecordOrigin origin, ExpectationReport report) {
    JsonNode row = rowImage(event, report);
    if (row == null) {
      return null;
    }
    long lsn = lsn(event);
    String txnId = reader.txnId(row, report);
    if (isDelete(event)) {
      Long lineNo = JsonFields.integer(row, "line_no");
      report.check(Expectation.LINE_NO_VALID, lineNo != null, () -> "line_no is " + JsonFields.shown(row, "line_no"));
      if (txnId == null || lineNo == null) {
        return null;
      }
      TxnLine deleted = new TxnLine(lineNo.intValue(), 0, 0, null, null, null, null, null, InputSource.CDC, lsn, origin);
      return new TxnChange(ChangeKind.CDC_LINE_DELETE, txnId, null, List.of(deleted), lsn, origin);
    }
    List<TxnLine> lines = reader.lines(List.of(row), null, InputSource.CDC, lsn, origin, report);
    if (txnId == null || lines == null) {
      return null;
    }
    return new TxnChange(ChangeKind.CDC_LINE, txnId, null, lines, lsn, origin);
  }

  /** The row image the operation needs ("after", or "before" for a delete), checking the envelope. */
  private static JsonNode rowImage(JsonNode event, ExpectationReport report) {
    String op = JsonFields.text(event, "op");
    boolean knownOp = op != null && (UPSERTS.contains(op) || DELETE.equals(op));
    JsonNode row = knownOp ? event.get(DELETE.equals(op) ? "before" : "after") : null;
    boolean valid = row != null && row.isObject();
    report.check(Expectation.CDC_ENVELOPE_VALID, valid, () -> knownOp
        ? "op " + op + " without its row image (" + (DELETE.equals(op) ? "before" : "after") + ")"
        : "op is " + JsonFields.shown(event, "op"));
    return valid ? row : null;
  }

  private static boolean isDelete(JsonNode event) {
    return DELETE.equals(JsonFields.text(event, "op"));
  }

  /** The log position orders changes of one row; missing (e.g. a hand-written event) means 0. */
  private static long lsn(JsonNode event) {
    JsonNode source = event.get("source");
    Long lsn = source == null ? null : JsonFields.integer(source, "lsn");
    return lsn == null ? 0 : lsn;
  }
}
