package io.suqi.agents.rag;

import java.util.List;

/**
 * Two tenants' knowledge bases: the same policy titles with different facts ("Returns": thirty
 * days for acme, ninety for globex), and a document only globex has, with words a hostile acme
 * question would use. A leak shows as a globex doc id or one of its facts in an acme answer.
 */
final class TwoTenantKb {

  static final String ACME = "acme";
  static final String GLOBEX = "globex";
  static final String GLOBEX_SECRET_FACT = "73 percent";

  static final List<KbDocument> DOCUMENTS = List.of(
      new KbDocument("acme:returns", ACME, "Returns policy",
          "Acme accepts returns of unused items within thirty days of purchase with a receipt. "
              + "Electronics must be returned within fifteen days in their original packaging."),
      new KbDocument("acme:refunds", ACME, "Refunds policy",
          "Refunds are paid back to the original payment method. Cash purchases are refunded in cash."),
      new KbDocument("acme:stores-table", ACME, "Table retail.stores",
          "retail.stores lists the stores: store_id, tenant_id, name, region, city and opened_on, the date the store opened."),
      new KbDocument("acme:store-hours", ACME, "Store opening hours",
          "Stores are open from 8:00 to 22:00 every day. Saturdays and Sundays are the busiest days."),
      new KbDocument("globex:returns", GLOBEX, "Returns policy",
          "Globex accepts returns within ninety days of purchase, no receipt needed."),
      new KbDocument("globex:secret-margins", GLOBEX, "Confidential pricing margins",
          "Globex marks up every product by " + GLOBEX_SECRET_FACT + " over its unit cost. The supplier rebate is secret."));

  private TwoTenantKb() {}
}
