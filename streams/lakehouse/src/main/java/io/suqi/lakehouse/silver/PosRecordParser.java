package io.suqi.lakehouse.silver;

import com.fasterxml.jackson.databind.JsonNode;
import io.suqi.lakehouse.bronze.InputSource;
import io.suqi.lakehouse.quality.Expectation;
import io.suqi.lakehouse.quality.ExpectationReport;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a point-of-sale record: {"txn_id","tenant_id","store_id","customer_id","ts","status",
 * "payment_method","items":[{"line_no","product_id","quantity","unit_price","discount"}]}.
 */
final class PosRecordParser {

  private final TransactionReader reader;

  PosRecordParser(TransactionReader reader) {
    this.reader = reader;
  }

  /** The whole transaction, or null when an expectation failed (the report says which). */
  TxnChange parse(JsonNode record, RecordOrigin origin, ExpectationReport report) {
    TxnHeader header = reader.header(record, report);
    JsonNode items = record.get("items");
    boolean itemsValid = items != null && items.isArray() && allObjects(items);
    report.check(Expectation.ITEMS_NOT_NULL, itemsValid, () -> "items is " + JsonFields.shown(record, "items"));
    if (!itemsValid) {
      return null;
    }
    List<JsonNode> itemList = new ArrayList<>();
    items.forEach(itemList::add);
    // The tenant as written, even when the header failed, so products are still checked against it.
    String tenantId = JsonFields.text(record, "tenant_id");
    List<TxnLine> lines = reader.lines(itemList, tenantId, InputSource.POS, 0, origin, report);
    if (header == null || lines == null) {
      return null;
    }
    return new TxnChange(ChangeKind.POS_TRANSACTION, header.txnId(), header, lines, 0, origin);
  }

  private static boolean allObjects(JsonNode items) {
    for (JsonNode item : items) {
      if (!item.isObject()) {
        return false;
      }
    }
    return true;
  }
}
