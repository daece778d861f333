package io.suqi.demo;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Generates each tenant's own catalogue: brand and item combinations taken round-robin over the
 * categories, priced near the item's reference price with "charm" endings (4.49, 12.99) and a
 * cost below the price by the category's margin.
 */
final class ProductGenerator {

  /** Used only when a tenant needs more products than brand x item combinations exist. */
  private static final List<String> PACK_VARIANTS = List.of("", " Value Pack", " Family Size", " Twin Pack");

  private final DemoCatalog catalog;

  ProductGenerator(DemoCatalog catalog) {
    this.catalog = catalog;
  }

  List<Product> generate(List<DemoTenant> tenants, int[] productsPerTenant, SplittableRandom random) {
    List<Product> products = new ArrayList<>();
    for (int t = 0; t < tenants.size(); t++) {
      products.addAll(productsOf(tenants.get(t), productsPerTenant[t], products.size() + 1L, random));
    }
    return products;
  }

  private List<Product> productsOf(DemoTenant tenant, int count, long firstId, SplittableRandom random) {
    List<Deque<Offer>> offersByCategory = new ArrayList<>();
    for (DemoCatalog.Category category : catalog.categories()) {
      Deque<Offer> offers = new ArrayDeque<>();
      for (String variant : PACK_VARIANTS) {
        List<Offer> plain = new ArrayList<>();
        for (String brand : category.brands()) {
          for (DemoCatalog.Item item : category.items()) {
            plain.add(new Offer(category, brand, item, variant));
          }
        }
        offers.addAll(RandomSource.shuffled(plain, random));
      }
      offersByCategory.add(offers);
    }
    String prefix = skuPrefix(tenant);
    List<Product> products = new ArrayList<>(count);
    // Round-robin over the categories keeps every tenant's catalogue balanced.
    for (int i = 0; products.size() < count; i++) {
      if (offersByCategory.stream().allMatch(Deque::isEmpty)) {
        throw new IllegalArgumentException(
            "tenant " + tenant.id() + " needs " + count + " products, more than the catalogue has");
      }
      Offer offer = offersByCategory.get(i % offersByCategory.size()).poll();
      if (offer != null) {
        products.add(priced(firstId + products.size(), tenant, prefix, offer, random));
      }
    }
    return products;
  }

  private static Product priced(long id, DemoTenant tenant, String prefix, Offer offer,
      SplittableRandom random) {
    DemoCatalog.Category category = offer.category();
    double variantFactor = offer.variant().isEmpty() ? 1.0 : 1.8;
    double reference = offer.item().price().doubleValue() * variantFactor;
    long priceCents = CharmPrice.cents(reference * (0.85 + random.nextDouble() * 0.4));
    double margin = category.marginMin() + random.nextDouble() * (category.marginMax() - category.marginMin());
    long costCents = Math.max(1, Math.min(priceCents - 1, Math.round(priceCents * (1 - margin))));
    String sku = String.format(Locale.ROOT, "%s-%s-%05d", prefix, category.code(), id);
    String name = offer.brand() + " " + offer.item().name() + offer.variant();
    return new Product(id, tenant.id(), sku, name, category.name(), offer.brand(), priceCents, costCents);
  }

  private static String skuPrefix(DemoTenant tenant) {
    String letters = tenant.id().replace("-", "").toUpperCase(Locale.ROOT);
    return letters.substring(0, Math.min(3, letters.length()));
  }

  private record Offer(DemoCatalog.Category category, String brand, DemoCatalog.Item item, String variant) {}
}
