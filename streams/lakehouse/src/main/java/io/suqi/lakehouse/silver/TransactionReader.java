package io.suqi.lakehouse.silver;

import com.fasterxml.jackson.databind.JsonNode;
import io.suqi.lakehouse.bronze.InputSource;
import io.suqi.lakehouse.quality.Expectation;
import io.suqi.lakehouse.quality.ExpectationReport;
import io.suqi.lakehouse.reference.ProductRef;
import io.suqi.lakehouse.reference.ReferenceData;
import io.suqi.lakehouse.reference.StoreRef;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads transaction headers and lines out of JSON rows (a POS object or a Debezium row image),
 * checking every declared expectation on the way. Shared by the POS and the CDC parsers so both
 * inputs meet the same rules.
 */
final class TransactionReader {

  private static final Set<String> STATUSES = Set.of("completed", "refunded", "void");

  private final ReferenceData referenceData;

  TransactionReader(ReferenceData referenceData) {
    this.referenceData = referenceData;
  }

  /** The txn_id, checked; null when it fails. */
  String txnId(JsonNode row, ExpectationReport report) {
    String txnId = JsonFields.text(row, "txn_id");
    report.check(Expectation.TXN_ID_NOT_NULL, txnId != null, () -> "txn_id is " + JsonFields.shown(row, "txn_id"));
    return txnId;
  }

  /** The header, or null when any of its expectations failed. */
  TxnHeader header(JsonNode row, ExpectationReport report) {
    String txnId = txnId(row, report);
    String tenantId = JsonFields.text(row, "tenant_id");
    report.check(Expectation.TENANT_ID_NOT_NULL, tenantId != null,
        () -> "tenant_id is " + JsonFields.shown(row, "tenant_id"));
    Long storeId = JsonFields.integer(row, "store_id");
    report.check(Expectation.STORE_ID_NOT_NULL, storeId != null,
        () -> "store_id is " + JsonFields.shown(row, "store_id"));
    Long customerId = JsonFields.integer(row, "customer_id");
    report.check(Expectation.CUSTOMER_ID_VALID, customerId != null || JsonFields.isAbsent(row, "customer_id"),
        () -> "customer_id is " + JsonFields.shown(row, "customer_id"));
    Instant ts = JsonFields.timestamp(row, "ts");
    report.check(Expectation.TS_WELL_FORMED, ts != null, () -> "ts is " + JsonFields.shown(row, "ts"));
    String status = JsonFields.text(row, "status");
    report.check(Expectation.STATUS_ACCEPTED, status != null && STATUSES.contains(status),
        () -> "status is " + JsonFields.shown(row, "status"));
    String paymentMethod = JsonFields.text(row, "payment_method");
    report.check(Expectation.PAYMENT_METHOD_NOT_NULL, paymentMethod != null,
        () -> "payment_method is " + JsonFields.shown(row, "payment_method"));
    StoreRef store = null;
    if (tenantId != null && storeId != null) {
      Optional<StoreRef> found = referenceData.store(storeId);
      boolean ofTenant = found.isPresent() && found.get().tenantId().equals(tenantId);
      report.check(Expectation.STORE_KNOWN_FOR_TENANT, ofTenant, () -> found.isEmpty()
          ? "store " + storeId + " is not in retail.stores"
          : "store " + storeId + " belongs to tenant " + found.get().tenantId() + ", not " + tenantId);
      store = ofTenant ? found.get() : null;
    }
    if (!report.passed()) {
      return null;
    }
    return new TxnHeader(txnId, tenantId, storeId, customerId, ts, status, paymentMethod, store.region());
  }

  /**
   * The lines of a transaction (all of a POS record's items, or the one row of a CDC item),
   * or null when any line fails an expectation. Each expectation is reported once for all lines.
   *
   * @param tenantId the tenant the products must belong to; null when not known yet (a CDC item),
   *     then the product only has to exist and is checked against the tenant when the header meets it
   */
  List<TxnLine> lines(List<JsonNode> items, String tenantId, InputSource source, long lsn, RecordOrigin origin,
      ExpectationReport report) {
    Map<Expectation, String> failures = new EnumMap<>(Expectation.class);
    Set<Long> lineNumbers = new HashSet<>();
    List<TxnLine> lines = new ArrayList<>();
    boolean checkedProducts = false;
    for (JsonNode item : items) {
      Long lineNo = JsonFields.integer(item, "line_no");
      boolean lineNoValid = lineNo != null && lineNo >= Integer.MIN_VALUE && lineNo <= Integer.MAX_VALUE
          && lineNumbers.add(lineNo);
      failIf(!lineNoValid, failures, Expectation.LINE_NO_VALID, () -> "line_no " + JsonFields.shown(item, "line_no")
          + (lineNo != null ? " is repeated or out of range" : ""));
      Long productId = JsonFields.integer(item, "product_id");
      failIf(productId == null, failures, Expectation.PRODUCT_ID_NOT_NULL,
          () -> "line " + lineNo + ": product_id is " + JsonFields.shown(item, "product_id"));
      Long quantity = JsonFields.integer(item, "quantity");
      boolean quantityValid = quantity != null && quantity > 0 && quantity <= Integer.MAX_VALUE;
      failIf(!quantityValid, failures, Expectation.QUANTITY_POSITIVE,
          () -> "line " + lineNo + ": quantity is " + JsonFields.shown(item, "quantity"));
      BigDecimal unitPrice = JsonFields.decimal(item, "unit_price");
      boolean unitPriceValid = unitPrice != null && unitPrice.signum() >= 0;
      failIf(!unitPriceValid, failures, Expectation.UNIT_PRICE_NON_NEGATIVE,
          () -> "line " + lineNo + ": unit_price is " + JsonFields.shown(item, "unit_price"));
      BigDecimal discount = JsonFields.isAbsent(item, "discount") ? BigDecimal.ZERO : JsonFields.decimal(item, "discount");
      if (quantityValid && unitPriceValid) {
        BigDecimal gross = unitPrice.multiply(BigDecimal.valueOf(quantity));
        boolean inRange = discount != null && discount.signum() >= 0 && discount.compareTo(gross) <= 0;
        failIf(!inRange, failures, Expectation.DISCOUNT_IN_RANGE, () -> "line " + lineNo + ": discount "
            + JsonFields.shown(item, "discount") + " is not between 0 and " + gross.toPlainString());
      } else if (discount == null) {
        failIf(true, failures, Expectation.DISCOUNT_IN_RANGE,
          () -> "line " + lineNo + ": discount is " + JsonFields.shown(item, "discount"));
      }
      ProductRef product = null;
      if (productId != null) {
        checkedProducts = true;
        product = product(productId, tenantId, lineNo, failures);
      }
      if (failures.isEmpty()) {
        lines.add(new TxnLine(lineNo.intValue(), productId, quantity.intValue(), unitPrice, discount,
            product.category(), product.tenantId(), tenantId, source, lsn, tenantId == null ? origin : null));
      }
    }
    for (Expectation expectation : List.of(Expectation.LINE_NO_VALID, Expectation.PRODUCT_ID_NOT_NULL,
        Expectation.QUANTITY_POSITIVE, Expectation.UNIT_PRICE_NON_NEGATIVE, Expectation.DISCOUNT_IN_RANGE)) {
      report.check(expectation, !failures.containsKey(expectation), () -> failures.get(expectation));
    }
    if (checkedProducts) {
      Expectation productCheck = productExpectation(tenantId);
      report.check(productCheck, !failures.containsKey(productCheck), () -> failures.get(productCheck));
    }
    return failures.isEmpty() ? lines : null;
  }

  private ProductRef product(long productId, String tenantId, Long lineNo, Map<Expectation, String> failures) {
    Optional<ProductRef> found = referenceData.product(productId);
    if (found.isEmpty()) {
      failIf(true, failures, productExpectation(tenantId),
          () -> "line " + lineNo + ": product " + productId + " is not in retail.products");
      return null;
    }
    if (tenantId != null && !found.get().tenantId().equals(tenantId)) {
      failIf(true, failures, productExpectation(tenantId), () -> "line " + lineNo + ": product " + productId
          + " belongs to tenant " + found.get().tenantId() + ", not " + tenantId);
      return null;
    }
    return found.get();
  }

  private static Expectation productExpectation(String tenantId) {
    return tenantId == null ? Expectation.PRODUCT_KNOWN : Expectation.PRODUCT_KNOWN_FOR_TENANT;
  }

  /** Keeps the first failure per expectation: one example is enough to act on. */
  private static void failIf(boolean failed, Map<Expectation, String> failures, Expectation expectation,
      Supplier<String> detail) {
    if (failed) {
      failures.putIfAbsent(expectation, detail.get());
    }
  }
}
