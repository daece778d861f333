package io.suqi.demo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Picks the product for a basket line from the store's tenant catalogue. A category's share of
 * lines follows its popularity and season (toys in December, drinks in summer); within a category
 * a few best sellers sell far more than the long tail.
 */
final class ProductPicker {

  /** Zipf exponent of product popularity within a category. */
  private static final double POPULARITY_SKEW = 0.8;

  /** Key: tenant id and month (1-12). */
  private final Map<String, WeightedChoice<Product>> choices = new HashMap<>();

  ProductPicker(List<Product> products, DemoCatalog catalog, SplittableRandom random) {
    Map<String, DemoCatalog.Category> categories = catalog.categories().stream()
        .collect(Collectors.toMap(DemoCatalog.Category::name, Function.identity()));
    Map<String, List<Product>> byTenant = products.stream()
        .collect(Collectors.groupingBy(Product::tenantId));
    byTenant.keySet().stream().sorted().forEach(tenantId -> {
      Map<Long, Double> shareOfCategory = shareOfCategory(byTenant.get(tenantId), random);
      for (int month = 1; month <= 12; month++) {
        int m = month;
        choices.put(key(tenantId, month), WeightedChoice.of(byTenant.get(tenantId),
            p -> shareOfCategory.get(p.id()) * categories.get(p.category()).demandIn(m)));
      }
    });
  }

  Product pick(String tenantId, int month, SplittableRandom random) {
    return choices.get(key(tenantId, month)).pick(random);
  }

  /** Each product's share of its category's sales: Zipf over a random ranking, summing to 1. */
  private static Map<Long, Double> shareOfCategory(List<Product> catalogue, SplittableRandom random) {
    Map<Long, Double> shares = new HashMap<>();
    catalogue.stream().collect(Collectors.groupingBy(Product::category)).entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(category -> {
          List<Product> ranked = RandomSource.shuffled(category.getValue(), random);
          double total = 0;
          for (int rank = 1; rank <= ranked.size(); rank++) {
            total += 1 / StrictMath.pow(rank, POPULARITY_SKEW);
          }
          for (int rank = 1; rank <= ranked.size(); rank++) {
            shares.put(ranked.get(rank - 1).id(), 1 / StrictMath.pow(rank, POPULARITY_SKEW) / total);
          }
        });
    return shares;
  }

  private static String key(String tenantId, int month) {
    return tenantId + "/" + month;
  }
}
