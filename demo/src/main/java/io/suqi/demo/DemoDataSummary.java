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

  public DemoDataSummary withElapsed(Duration newElapsed) {
    return new DemoDataSummary(skipped, tenants, stores, products, customers, transactions,
        transactionLines, competitorPrices, documents, newElapsed);
  }

  /**
   * One line for logs and consoles, e.g. "loaded 2 tenants, 20 stores, ... in 5.4 s" or "already
   * present: 2 tenants, ...".
   */
  @Override
  public String toString() {
    return String.format(Locale.ROOT,
        "%s %,d tenants, %,d stores, %,d products, %,d customers, %,d transactions, "
            + "%,d transaction lines, %,d competitor prices, %,d knowledge-base documents%s",
        skipped ? "already present:" : "loaded", tenants, stores, products, customers,
        transactions, transactionLines, competitorPrices, documents,
        skipped ? "" : String.format(Locale.ROOT, " in %.1f s", elapsed.toMillis() / 1000.0));
  }
}
