package io.suqi.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Picks the product for a basket line from the store's tenant catalogue: a few best sellers sell
 * far more than the long tail, and categories follow their season (toys in December).
 */
final class ProductPicker {

  /** Zipf exponent of product popularity. */
  private static final double POPULARITY_SKEW = 0.8;

  /** Key: tenant id and month (1-12). */
  private final Map<String, WeightedChoice<Product>> choices = new HashMap<>();

  ProductPicker(List<Product> products, DemoCatalog catalog, SplittableRandom random) {
    Map<String, DemoCatalog.Category> categories = catalog.categories().stream()
        .collect(Collectors.toMap(DemoCatalog.Category::name, Function.identity()));
    Map<String, List<Product>> byTenant = products.stream()
        .collect(Collectors.groupingBy(Product::tenantId));
    byTenant.keySet().stream().sorted().forEach(tenantId -> {
      List<Product> ranked = RandomSource.shuffled(byTenant.get(tenantId), random);
      Map<Product, Double> popularity = new HashMap<>();
      for (int rank = 0; rank < ranked.size(); rank++) {
        popularity.put(ranked.get(rank), 1 / Math.pow(rank + 1, POPULARITY_SKEW));
      }
      for (int month = 1; month <= 12; month++) {
        int m = month;
        choices.put(key(tenantId, month), WeightedChoice.of(new ArrayList<>(byTenant.get(tenantId)),
            p -> popularity.get(p) * categories.get(p.category()).demandIn(m)));
      }
    });
  }

  Product pick(String tenantId, int month, SplittableRandom random) {
    return choices.get(key(tenantId, month)).pick(random);
  }

  private static String key(String tenantId, int month) {
    return tenantId + "/" + month;
  }
}
