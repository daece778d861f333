package io.suqi.demo;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Everything one load writes. Sales are not held here but regenerated on demand by {@code sales},
 * so a quarter of a million lines never sit in memory at once.
 *
 * @param injectedAnomalies the store-days whose volume was changed on purpose (the ground truth)
 */
record DemoData(List<DemoTenant> tenants, List<Store> stores, List<Product> products,
    List<Customer> customers, SaleGenerator sales, List<CompetitorPrice> competitorPrices,
    List<KbDocument> documents, List<InjectedAnomaly> injectedAnomalies) {

  static DemoData generate(DemoDataConfig config, LoadWindow window) {
    return generate(config, window, UnaryOperator.identity());
  }

  /**
   * @param volumeAdjustment wraps the daily volume (after the config's injected anomalies), e.g. to
   *     inject a further anomaly on chosen store-days; the rest of the data set is unaffected
   */
  static DemoData generate(DemoDataConfig config, LoadWindow window,
      UnaryOperator<DailyVolume> volumeAdjustment) {
    DemoCatalog catalog = DemoCatalog.load();
    RandomSource random = new RandomSource(config.seed());
    List<DemoTenant> tenants = config.tenants();

    List<Store> stores = new StoreGenerator(catalog, window)
        .generate(tenants, TenantShares.split(config.stores(), tenants), random.forPart("stores"));
    List<Product> products = new ProductGenerator(catalog)
        .generate(tenants, TenantShares.split(config.products(), tenants), random.forPart("products"));
    List<Customer> customers = new CustomerGenerator(catalog, window).generate(tenants,
        TenantShares.split(config.customers(), tenants), stores, random.forPart("customers"));

    DailyVolume baseline = SeasonalDailyVolume.calibrated(stores, window,
        config.transactionLines() / SaleGenerator.meanLinesPerSale());
    // Its own random stream: choosing anomalies changes nothing else in the data set.
    InjectedAnomalies anomalies = InjectedAnomalies.choose(config.anomalies(), stores, window, baseline,
        random.forPart("anomalies"));
    DailyVolume volume = volumeAdjustment.apply(anomalies.apply(baseline));
    SaleGenerator sales = new SaleGenerator(random, window, stores, volume,
        new ProductPicker(products, catalog, random.forPart("product-popularity")),
        new CustomerPicker(customers));

    List<CompetitorPrice> competitorPrices = new CompetitorPriceGenerator(catalog, window)
        .generate(products, random.forPart("competitor-prices"));
    List<KbDocument> documents = KnowledgeBase.load()
        .documentsFor(tenants, window, random.forPart("documents"));
    return new DemoData(tenants, stores, products, customers, sales, competitorPrices, documents,
        anomalies.list());
  }
}
