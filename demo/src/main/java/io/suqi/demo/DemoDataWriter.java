package io.suqi.demo;

import java.sql.SQLException;
import java.util.Locale;
import java.util.function.Consumer;
import org.postgresql.copy.CopyManager;

/**
 * Writes generated demo data into the retail and kb tables with COPY, parents before children so
 * the foreign keys hold at every step, and reports progress as it goes.
 */
final class DemoDataWriter {

  private static final long LINES_PER_PROGRESS_REPORT = 50_000;

  private final CopyManager copyManager;
  private final Consumer<String> progress;

  DemoDataWriter(CopyManager copyManager, Consumer<String> progress) {
    this.copyManager = copyManager;
    this.progress = progress;
  }

  void write(DemoData data) throws SQLException {
    writeMasterData(data);
    long lines = writeTransactions(data.sales());
    writeTransactionLines(data.sales(), lines);
    writeCompetitorPrices(data);
    writeDocuments(data);
    writeInjectedAnomalies(data);
  }

  private void writeMasterData(DemoData data) throws SQLException {
    try (CopyRows rows = CopyRows.into(copyManager, "retail.tenants", "tenant_id, name")) {
      for (DemoTenant tenant : data.tenants()) {
        rows.text(tenant.id()).text(tenant.name()).endRow();
      }
      rows.finish();
    }
    try (CopyRows rows = CopyRows.into(copyManager, "retail.stores",
        "store_id, tenant_id, name, region, city, opened_on")) {
      for (Store store : data.stores()) {
        rows.number(store.id()).text(store.tenantId()).text(store.name()).text(store.region())
            .text(store.city()).date(store.openedOn()).endRow();
      }
      rows.finish();
    }
    try (CopyRows rows = CopyRows.into(copyManager, "retail.products",
        "product_id, tenant_id, sku, name, category, brand, unit_price, unit_cost")) {
      for (Product product : data.products()) {
        rows.number(product.id()).text(product.tenantId()).text(product.sku()).text(product.name())
            .text(product.category()).text(product.brand()).cents(product.priceCents())
            .cents(product.costCents()).endRow();
      }
      rows.finish();
    }
    try (CopyRows rows = CopyRows.into(copyManager, "retail.customers",
        "customer_id, tenant_id, segment, region, joined_on")) {
      for (Customer customer : data.customers()) {
        rows.number(customer.id()).text(customer.tenantId()).text(customer.segment().dbValue)
            .text(customer.region()).date(customer.joinedOn()).endRow();
      }
      rows.finish();
    }
    progress.accept(String.format(Locale.ROOT, "demo data: %,d tenants, %,d stores, %,d products, %,d customers",
        data.tenants().size(), data.stores().size(), data.products().size(), data.customers().size()));
  }

  /** Returns how many lines the written transactions have, for the progress of the next pass. */
  private long writeTransactions(SaleGenerator sales) throws SQLException {
    long lines = 0;
    try (CopyRows rows = CopyRows.into(copyManager, "retail.transactions",
        "txn_id, tenant_id, store_id, customer_id, ts, status, payment_method")) {
      for (Sale sale : sales) {
        rows.text(sale.txnId()).text(sale.tenantId()).number(sale.storeId()).number(sale.customerId())
            .timestamp(sale.ts()).text(sale.status().dbValue).text(sale.paymentMethod().dbValue)
            .endRow();
        lines += sale.lines().size();
      }
      progress.accept(String.format(Locale.ROOT, "demo data: %,d transactions", rows.finish()));
    }
    return lines;
  }

  private void writeTransactionLines(SaleGenerator sales, long expectedLines) throws SQLException {
    try (CopyRows rows = CopyRows.into(copyManager, "retail.transaction_items",
        "txn_id, line_no, product_id, quantity, unit_price, discount")) {
      for (Sale sale : sales) {
        for (SaleLine line : sale.lines()) {
          rows.text(sale.txnId()).number(line.lineNo()).number(line.productId())
              .number(line.quantity()).cents(line.unitPriceCents()).cents(line.discountCents())
              .endRow();
          if (rows.rows() % LINES_PER_PROGRESS_REPORT == 0) {
            reportLines(rows.rows(), expectedLines);
          }
        }
      }
      long written = rows.finish();
      if (written % LINES_PER_PROGRESS_REPORT != 0) {
        reportLines(written, expectedLines);
      }
    }
  }

  private void reportLines(long written, long expected) {
    progress.accept(String.format(Locale.ROOT, "demo data: %,d/%,d transaction lines", written, expected));
  }

  private void writeCompetitorPrices(DemoData data) throws SQLException {
    try (CopyRows rows = CopyRows.into(copyManager, "retail.competitor_prices",
        "product_id, competitor, price, observed_at")) {
      for (CompetitorPrice price : data.competitorPrices()) {
        rows.number(price.productId()).text(price.competitor()).cents(price.priceCents())
            .timestamp(price.observedAt()).endRow();
      }
      progress.accept(String.format(Locale.ROOT, "demo data: %,d competitor prices", rows.finish()));
    }
  }

  private void writeInjectedAnomalies(DemoData data) throws SQLException {
    try (CopyRows rows = CopyRows.into(copyManager, "demo.injected_anomalies",
        "tenant_id, store_id, day, kind, volume_factor, baseline_transactions")) {
      for (InjectedAnomaly anomaly : data.injectedAnomalies()) {
        rows.text(anomaly.tenantId()).number(anomaly.storeId()).date(anomaly.day())
            .text(anomaly.kind().dbValue).decimal(anomaly.volumeFactor())
            .decimal(anomaly.baselineTransactions()).endRow();
      }
      progress.accept(String.format(Locale.ROOT, "demo data: %,d injected anomalies (demo.injected_anomalies)",
          rows.finish()));
    }
  }

  private void writeDocuments(DemoData data) throws SQLException {
    try (CopyRows rows = CopyRows.into(copyManager, "kb.documents",
        "doc_id, tenant_id, title, body, source, updated_at")) {
      for (KbDocument document : data.documents()) {
        rows.text(document.docId()).text(document.tenantId()).text(document.title())
            .text(document.body()).text(document.source()).timestamp(document.updatedAt()).endRow();
      }
      progress.accept(String.format(Locale.ROOT, "demo data: %,d knowledge-base documents", rows.finish()));
    }
  }
}
