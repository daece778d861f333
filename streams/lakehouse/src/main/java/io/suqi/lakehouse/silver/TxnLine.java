package io.suqi.lakehouse.silver;

import io.suqi.lakehouse.bronze.InputSource;
import java.math.BigDecimal;
import java.util.List;

/**
 * A line of a transaction, typed and checked.
 *
 * @param category the product's category, from retail.products, when the line was accepted
 * @param productTenant the tenant that owns the product
 * @param verifiedTenant the transaction tenant the product was checked against; null until a CDC
 *     line meets its header (a CDC item carries no tenant of its own)
 * @param lsn the Debezium log position of the change that wrote the line, 0 for POS lines
 * @param origin where the line was read, while it is not verified (a verified line can no longer
 *     be quarantined): null once verified, so the merge state does not keep it for every line
 */
public record TxnLine(int lineNo, long productId, int quantity, BigDecimal unitPrice, BigDecimal discount,
    String category, String productTenant, String verifiedTenant, InputSource source, long lsn, RecordOrigin origin) {

  /** quantity * unit_price - discount. */
  public BigDecimal revenue() {
    return unitPrice.multiply(BigDecimal.valueOf(quantity)).subtract(discount);
  }

  /** The sum of the lines' revenue (a loop, not a stream: it runs for every version, three times). */
  public static BigDecimal revenueOf(List<TxnLine> lines) {
    BigDecimal total = BigDecimal.ZERO;
    for (TxnLine line : lines) {
      total = total.add(line.revenue());
    }
    return total;
  }

  public TxnLine verifiedFor(String tenantId) {
    return new TxnLine(lineNo, productId, quantity, unitPrice, discount, category, productTenant, tenantId, source,
        lsn, null);
  }
}
