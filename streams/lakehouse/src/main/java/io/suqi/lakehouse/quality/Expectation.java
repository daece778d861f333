package io.suqi.lakehouse.quality;

/**
 * The declared expectations a retail record must meet to enter silver. Each has a stable name:
 * it is the {@code expectation} in silver.quality_results and silver.quarantine.
 */
public enum Expectation {
  JSON_WELL_FORMED("the value is one JSON object"),
  CDC_ENVELOPE_VALID("a Debezium change event: op c, u, r or d with the row image it needs"),
  TXN_ID_NOT_NULL("txn_id is a non-empty string"),
  TENANT_ID_NOT_NULL("tenant_id is a non-empty string"),
  STORE_ID_NOT_NULL("store_id is an integer"),
  CUSTOMER_ID_VALID("customer_id is null or an integer"),
  TS_WELL_FORMED("ts is an ISO-8601 timestamp"),
  STATUS_ACCEPTED("status is completed, refunded or void"),
  PAYMENT_METHOD_NOT_NULL("payment_method is a non-empty string"),
  ITEMS_NOT_NULL("items is an array of objects"),
  LINE_NO_VALID("every line has an integer line_no, unique in its transaction"),
  PRODUCT_ID_NOT_NULL("every line has an integer product_id"),
  QUANTITY_POSITIVE("every line has an integer quantity > 0"),
  UNIT_PRICE_NON_NEGATIVE("every line has a unit_price >= 0"),
  DISCOUNT_IN_RANGE("every line has a discount between 0 and quantity * unit_price (missing means 0)"),
  STORE_KNOWN_FOR_TENANT("store_id is a store of tenant_id in retail.stores"),
  PRODUCT_KNOWN("product_id is in retail.products"),
  PRODUCT_KNOWN_FOR_TENANT("every product_id is a product of the transaction's tenant in retail.products");

  private final String description;
  private final String label;

  Expectation(String description) {
    this.description = description;
    this.label = name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The stable name, e.g. {@code quantity_positive}. */
  public String label() {
    return label;
  }

  public String description() {
    return description;
  }
}
