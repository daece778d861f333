package io.suqi.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Weekly competitor shelf-price observations for a subset of products. Each competitor's price
 * drifts around our price and now and then drops for a one-week promotion.
 */
final class CompetitorPriceGenerator {

  private static final double SHARE_OF_PRODUCTS_TRACKED = 0.4;
  private static final int MIN_COMPETITORS_PER_PRODUCT = 2;
  private static final double INITIAL_SPREAD = 0.07;
  private static final double WEEKLY_DRIFT = 0.012;
  private static final double PROMOTION_CHANCE = 0.06;
  private static final double PROMOTION_PRICE = 0.85;

  private final DemoCatalog catalog;
  private final LoadWindow window;

  CompetitorPriceGenerator(DemoCatalog catalog, LoadWindow window) {
    this.catalog = catalog;
    this.window = window;
  }

  List<CompetitorPrice> generate(List<Product> products, SplittableRandom random) {
    List<CompetitorPrice> prices = new ArrayList<>();
    for (Product product : products) {
      if (random.nextDouble() >= SHARE_OF_PRODUCTS_TRACKED) {
        continue;
      }
      // Two or three competitors watch each tracked product.
      int competitors = Math.min(catalog.competitors().size(),
          MIN_COMPETITORS_PER_PRODUCT + random.nextInt(2));
      List<String> watching = RandomSource.shuffled(catalog.competitors(), random);
      for (String competitor : watching.subList(0, competitors)) {
        observe(product, competitor, random, prices);
      }
    }
    return prices;
  }

  private void observe(Product product, String competitor, SplittableRandom random,
      List<CompetitorPrice> prices) {
    double level = Math.max(0.82, Math.min(1.18, 1 + INITIAL_SPREAD * RandomSource.gaussian(random)));
    for (LocalDate day = window.firstDay().plusDays(random.nextInt(7)); !day.isAfter(window.today());
        day = day.plusDays(7)) {
      // Mean-reverting drift: competitors follow the market but do not wander off forever.
      level = 1 + (level - 1) * 0.97 + WEEKLY_DRIFT * RandomSource.gaussian(random);
      double promotion = random.nextDouble() < PROMOTION_CHANCE ? PROMOTION_PRICE : 1;
      Instant observedAt =
          day.atTime(6, 0).toInstant(ZoneOffset.UTC).plusSeconds(random.nextInt(3 * 3600));
      if (window.isPast(observedAt)) {
        long cents = CharmPrice.cents(product.priceCents() / 100.0 * level * promotion);
        prices.add(new CompetitorPrice(product.id(), competitor, cents, observedAt));
      }
    }
  }
}
