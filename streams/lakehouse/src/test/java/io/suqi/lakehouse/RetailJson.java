package io.suqi.lakehouse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Input records as producers write them: POS JSON and Debezium change events (JSON, no schemas). */
public final class RetailJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A sale line. */
  public record Item(int lineNo, long productId, int quantity, String unitPrice, String discount) {

    public BigDecimal revenue() {
      return new BigDecimal(unitPrice).multiply(BigDecimal.valueOf(quantity)).subtract(new BigDecimal(discount));
    }
  }

  /** A transaction header. */
  public record Header(String txnId, String tenantId, long storeId, Long customerId, Instant ts, String status,
      String paymentMethod) {

    public Header withStatus(String newStatus) {
      return new Header(txnId, tenantId, storeId, customerId, ts, newStatus, paymentMethod);
    }
  }

  private RetailJson() {}

  public static String pos(Header header, List<Item> items) {
    ObjectNode txn = headerRow(header);
    ArrayNode lines = txn.putArray("items");
    for (Item item : items) {
      // POS producers write numbers as JSON numbers.
      lines.addObject().put("line_no", item.lineNo()).put("product_id", item.productId())
          .put("quantity", item.quantity()).put("unit_price", new BigDecimal(item.unitPrice()))
          .put("discount", new BigDecimal(item.discount()));
    }
    return txn.toString();
  }

  /** A change of retail.transactions: op c, u or r with the row after it. */
  public static String cdcHeader(String op, Header header, long lsn) {
    ObjectNode after = headerRow(header);
    after.put("ts", header.ts().toString().replace("Z", "") + (header.ts().getNano() == 0 ? ".000000Z" : "Z"));
    return envelope(op, null, after, lsn, "transactions");
  }

  public static String cdcHeaderDelete(String txnId, long lsn) {
    ObjectNode before = JSON.createObjectNode().put("txn_id", txnId);
    return envelope("d", before, null, lsn, "transactions");
  }

  /** A change of retail.transaction_items, numerics as strings (decimal.handling.mode=string). */
  public static String cdcItem(String op, String txnId, Item item, long lsn) {
    ObjectNode after = JSON.createObjectNode().put("txn_id", txnId).put("line_no", item.lineNo())
        .put("product_id", item.productId()).put("quantity", item.quantity())
        .put("unit_price", item.unitPrice()).put("discount", item.discount());
    return envelope(op, null, after, lsn, "transaction_items");
  }

  public static String cdcItemDelete(String txnId, int lineNo, long lsn) {
    ObjectNode before = JSON.createObjectNode().put("txn_id", txnId).put("line_no", lineNo);
    return envelope("d", before, null, lsn, "transaction_items");
  }

  public static String cdcKey(String txnId) {
    return JSON.createObjectNode().put("txn_id", txnId).toString();
  }

  public static String cdcItemKey(String txnId, int lineNo) {
    return JSON.createObjectNode().put("txn_id", txnId).put("line_no", lineNo).toString();
  }

  private static ObjectNode headerRow(Header header) {
    ObjectNode row = JSON.createObjectNode().put("txn_id", header.txnId()).put("tenant_id", header.tenantId())
        .put("store_id", header.storeId());
    if (header.customerId() == null) {
      row.putNull("customer_id");
    } else {
      row.put("customer_id", header.customerId());
    }
    return row.put("ts", header.ts().toString()).put("status", header.status())
        .put("payment_method", header.paymentMethod());
  }

  private static String envelope(String op, ObjectNode before, ObjectNode after, long lsn, String table) {
    ObjectNode event = JSON.createObjectNode();
    event.set("before", before);
    event.set("after", after);
    event.putObject("source").put("version", "3.6.1.Final").put("connector", "postgresql").put("name", "cdc")
        .put("ts_ms", 1_790_000_000_000L).put("db", "suqi").put("schema", "retail").put("table", table)
        .put("txId", 700 + lsn).put("lsn", lsn);
    event.put("op", op).put("ts_ms", 1_790_000_000_100L);
    return event.toString();
  }
}
