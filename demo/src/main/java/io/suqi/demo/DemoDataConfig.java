package io.suqi.demo;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * What demo data to generate. The same config loaded with the same clock yields identical rows.
 *
 * @param seed drives every random choice
 * @param tenants the tenants; stores, products and customers are split between them by weight
 * @param stores stores over all tenants
 * @param products products over all tenants (each tenant has its own catalogue)
 * @param customers customers over all tenants
 * @param months how many months of transactions end today
 * @param transactionLines roughly how many transaction lines to generate in total
 * @param anomalies how many store-days get a known anomaly (a spike, a drop or an outage of sales),
 *     recorded in demo.injected_anomalies; 0 for none. Fewer when the data set has fewer store-days
 *     that qualify (see {@link InjectedAnomalies})
 */
public record DemoDataConfig(long seed, List<DemoTenant> tenants, int stores, int products,
    int customers, int months, int transactionLines, int anomalies) {

  public static final long DEFAULT_SEED = 42;
  /** About one store-day in 250 of the default data set: rare, as anomalies are. */
  public static final int DEFAULT_ANOMALIES = 30;
  public static final List<DemoTenant> DEFAULT_TENANTS = List.of(
      new DemoTenant("acme-retail", "Acme Retail", 3),
      new DemoTenant("bodega-co", "Bodega Co", 2));

  public DemoDataConfig {
    tenants = List.copyOf(Objects.requireNonNull(tenants, "tenants"));
    if (tenants.isEmpty()) {
      throw new IllegalArgumentException("at least one tenant is required");
    }
    if (new HashSet<>(tenants.stream().map(DemoTenant::id).toList()).size() != tenants.size()) {
      throw new IllegalArgumentException("tenant ids must be unique: " + tenants);
    }
    // Every tenant needs at least one store, product and customer to have any sales.
    requireBetween("stores", stores, tenants.size(), 1_000);
    requireBetween("products", products, tenants.size(), 1_000);
    requireBetween("customers", customers, tenants.size(), 1_000_000);
    requireBetween("months", months, 1, 60);
    requireBetween("transactionLines", transactionLines, 1, 20_000_000);
    requireBetween("anomalies", anomalies, 0, 10_000);
  }

  /**
   * 2 tenants, 20 stores, 200 products, 1,000 customers and ~250,000 lines over 13 months, with
   * 30 injected anomalies.
   */
  public static DemoDataConfig defaults() {
    return new DemoDataConfig(DEFAULT_SEED, DEFAULT_TENANTS, 20, 200, 1_000, 13, 250_000,
        DEFAULT_ANOMALIES);
  }

  public DemoDataConfig withSeed(long newSeed) {
    return new DemoDataConfig(newSeed, tenants, stores, products, customers, months,
        transactionLines, anomalies);
  }

  public DemoDataConfig withTenants(List<DemoTenant> newTenants) {
    return new DemoDataConfig(seed, newTenants, stores, products, customers, months,
        transactionLines, anomalies);
  }

  public DemoDataConfig withStores(int newStores) {
    return new DemoDataConfig(seed, tenants, newStores, products, customers, months,
        transactionLines, anomalies);
  }

  public DemoDataConfig withProducts(int newProducts) {
    return new DemoDataConfig(seed, tenants, stores, newProducts, customers, months,
        transactionLines, anomalies);
  }

  public DemoDataConfig withCustomers(int newCustomers) {
    return new DemoDataConfig(seed, tenants, stores, products, newCustomers, months,
        transactionLines, anomalies);
  }

  public DemoDataConfig withMonths(int newMonths) {
    return new DemoDataConfig(seed, tenants, stores, products, customers, newMonths,
        transactionLines, anomalies);
  }

  public DemoDataConfig withTransactionLines(int newLines) {
    return new DemoDataConfig(seed, tenants, stores, products, customers, months, newLines,
        anomalies);
  }

  public DemoDataConfig withAnomalies(int newAnomalies) {
    return new DemoDataConfig(seed, tenants, stores, products, customers, months, transactionLines,
        newAnomalies);
  }

  private static void requireBetween(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          name + " must be between " + min + " and " + max + " but was " + value);
    }
  }
}
