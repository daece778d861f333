package io.suqi.demo;

import java.time.Duration;
import java.util.Locale;

/**
 * What a load found or wrote: the row count of every demo table after the load, and how long it
 * took. {@code skipped} means data was already present and nothing was written.
 */
public record DemoDataSummary(boolean skipped, long tenants, long stores, long products,
    long customers, long transactions, long transactionLines, long competitorPrices,
    long documents, Duration elapsed) {

  /** A one-line description for logs and the command line. */
  public String describe() {
    return String.format(Locale.ROOT,
        "demo data %s: %,d tenants, %,d stores, %,d products, %,d customers, %,d transactions, "
            + "%,d transaction lines, %,d competitor prices, %,d knowledge-base documents in %.1f s",
        skipped ? "already present" : "loaded", tenants, stores, products, customers, transactions,
        transactionLines, competitorPrices, documents, elapsed.toMillis() / 1000.0);
  }

  public DemoDataSummary withElapsed(Duration newElapsed) {
    return new DemoDataSummary(skipped, tenants, stores, products, customers, transactions,
        transactionLines, competitorPrices, documents, newElapsed);
  }
}
