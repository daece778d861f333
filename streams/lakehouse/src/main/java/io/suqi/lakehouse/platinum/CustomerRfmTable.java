package io.suqi.lakehouse.platinum;

import io.suqi.lakehouse.bulk.BulkTable;
import io.suqi.lakehouse.bulk.CopyRows;
import java.util.List;

/**
 * platinum.customer_rfm: a customer's absolute values upserted, or the row deleted when no
 * completed purchase is left. A batch keeps each customer's latest values only.
 */
public final class CustomerRfmTable implements BulkTable<CustomerRfm> {

  private static final long serialVersionUID = 1L;
  private static final String COLUMNS =
      "tenant_id, customer_id, first_purchase_at, last_purchase_at, frequency, monetary";

  @Override
  public String name() {
    return "platinum_customer_rfm";
  }

  @Override
  public String stagingColumns() {
    return "tenant_id text, customer_id bigint, first_purchase_at timestamptz, last_purchase_at timestamptz, "
        + "frequency bigint, monetary numeric";
  }

  @Override
  public Object key(CustomerRfm rfm) {
    return new CustomerKey(rfm.tenantId(), rfm.customerId());
  }

  @Override
  public void write(CustomerRfm rfm, CopyRows rows) {
    rows.text(rfm.tenantId()).bigint(rfm.customerId()).timestamp(rfm.firstPurchaseAt())
        .timestamp(rfm.lastPurchaseAt()).bigint(rfm.frequency()).decimal(rfm.monetary()).end();
  }

  @Override
  public List<String> merge() {
    // Customers are few next to transactions, so a join with the (statistics-less) stage is cheap.
    return List.of("DELETE FROM platinum.customer_rfm r USING {stage} s WHERE s.frequency <= 0 "
            + "AND r.tenant_id = s.tenant_id AND r.customer_id = s.customer_id",
        "INSERT INTO platinum.customer_rfm (" + COLUMNS + ", updated_at) SELECT " + COLUMNS + ", now() FROM {stage} "
            + "WHERE frequency > 0 ON CONFLICT (tenant_id, customer_id) DO UPDATE SET "
            + "first_purchase_at = EXCLUDED.first_purchase_at, last_purchase_at = EXCLUDED.last_purchase_at, "
            + "frequency = EXCLUDED.frequency, monetary = EXCLUDED.monetary, updated_at = EXCLUDED.updated_at");
  }
}
