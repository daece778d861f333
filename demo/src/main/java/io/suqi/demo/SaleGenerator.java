package io.suqi.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generates the transactions of every store on every day of the window. Each store-day draws from
 * its own random stream, so the sales of a store-day depend only on the seed, the store, the day
 * and its {@link DailyVolume}.
 */
final class SaleGenerator implements Iterable<Sale> {

  private static final double VOID_SHARE = 0.01;
  private static final double REFUND_SHARE = 0.03;
  private static final int MAX_DISTINCT_PRODUCT_TRIES = 5;

  /** Lines per basket; the mean (about 2.7) turns a target line count into transactions. */
  private static final WeightedChoice<int[]> BASKET_SIZES = WeightedChoice.of(List.of(
      new int[] {1, 30}, new int[] {2, 25}, new int[] {3, 18}, new int[] {4, 12},
      new int[] {5, 8}, new int[] {6, 4}, new int[] {7, 2}, new int[] {8, 1}), size -> size[1]);
  /** Opening hours 08:00-22:00 UTC with a lunch and an after-work peak. */
  private static final WeightedChoice<int[]> HOURS = WeightedChoice.of(List.of(
      new int[] {8, 2}, new int[] {9, 3}, new int[] {10, 5}, new int[] {11, 7}, new int[] {12, 9},
      new int[] {13, 8}, new int[] {14, 6}, new int[] {15, 6}, new int[] {16, 7}, new int[] {17, 9},
      new int[] {18, 10}, new int[] {19, 8}, new int[] {20, 5}, new int[] {21, 3}), hour -> hour[1]);
  private static final WeightedChoice<int[]> DISCOUNT_PERCENTS = WeightedChoice.of(List.of(
      new int[] {5, 20}, new int[] {10, 30}, new int[] {15, 20}, new int[] {20, 15},
      new int[] {25, 10}, new int[] {30, 5}), percent -> percent[1]);
  private static final WeightedChoice<PaymentMethod> MEMBER_PAYMENTS = payments(58, 12, 25, 5);
  private static final WeightedChoice<PaymentMethod> WALK_IN_PAYMENTS = payments(45, 40, 12, 3);

  private final RandomSource randomSource;
  private final LoadWindow window;
  private final List<Store> stores;
  private final DailyVolume volume;
  private final ProductPicker products;
  private final CustomerPicker customers;

  SaleGenerator(RandomSource randomSource, LoadWindow window, List<Store> stores, DailyVolume volume,
      ProductPicker products, CustomerPicker customers) {
    this.randomSource = randomSource;
    this.window = window;
    this.stores = stores;
    this.volume = volume;
    this.products = products;
    this.customers = customers;
  }

  static double meanLinesPerSale() {
    return BASKET_SIZES.mean(size -> size[0]);
  }

  /**
   * Every sale of the window in day, store, time order, generated lazily; iterating twice yields
   * the same sales.
   */
  @Override
  public Iterator<Sale> iterator() {
    return window.days().stream()
        .flatMap(day -> stores.stream().flatMap(store -> salesOf(store, day).stream()))
        .iterator();
  }

  List<Sale> salesOf(Store store, LocalDate day) {
    SplittableRandom random = randomSource.forStoreDay(store.id(), day);
    int count = poisson(volume.expectedTransactions(store, day), random);
    int[] secondsOfDay = new int[count];
    for (int i = 0; i < count; i++) {
      secondsOfDay[i] = HOURS.pick(random)[0] * 3600 + random.nextInt(3600);
    }
    Arrays.sort(secondsOfDay);
    String txnPrefix = String.format(Locale.ROOT, "S%03d-%s-", store.id(), day.toString().replace("-", ""));
    long dayStart = day.atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    List<Sale> sales = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Instant ts = Instant.ofEpochSecond(dayStart + secondsOfDay[i]);
      // Times are drawn first and sorted, so cutting at "now" leaves earlier sales unchanged.
      if (!window.isPast(ts)) {
        break;
      }
      sales.add(sale(txnPrefix + String.format(Locale.ROOT, "%04d", i + 1), store, day, ts, random));
    }
    return sales;
  }

  private Sale sale(String txnId, Store store, LocalDate day, Instant ts,
      SplittableRandom random) {
    Customer customer = customers.pick(store, day, random);
    PaymentMethod payment = (customer == null ? WALK_IN_PAYMENTS : MEMBER_PAYMENTS).pick(random);
    double statusDraw = random.nextDouble();
    SaleStatus status = statusDraw < VOID_SHARE ? SaleStatus.VOID
        : statusDraw < VOID_SHARE + REFUND_SHARE ? SaleStatus.REFUNDED : SaleStatus.COMPLETED;
    int lineCount = BASKET_SIZES.pick(random)[0];
    double discountShare = day.getMonthValue() >= 11 ? 0.2 : 0.12;
    List<SaleLine> lines = new ArrayList<>(lineCount);
    Set<Long> inBasket = new HashSet<>();
    for (int lineNo = 1; lineNo <= lineCount; lineNo++) {
      Product product = distinctProduct(store.tenantId(), day.getMonthValue(), inBasket, random);
      int quantity = quantity(product, random);
      long discount = random.nextDouble() < discountShare
          ? Math.round(quantity * product.priceCents() * DISCOUNT_PERCENTS.pick(random)[0] / 100.0)
          : 0;
      lines.add(new SaleLine(lineNo, product.id(), quantity, product.priceCents(), discount));
    }
    return new Sale(txnId, store.tenantId(), store.id(), customer == null ? null : customer.id(), ts,
        status, payment, lines);
  }

  /** A basket rarely holds the same product on two lines; tills merge repeats into a quantity. */
  private Product distinctProduct(String tenantId, int month, Set<Long> inBasket,
      SplittableRandom random) {
    Product product = products.pick(tenantId, month, random);
    for (int tries = 1; !inBasket.add(product.id()) && tries < MAX_DISTINCT_PRODUCT_TRIES; tries++) {
      product = products.pick(tenantId, month, random);
    }
    return product;
  }

  /** Cheap staples are bought by the handful, expensive items one at a time. */
  private static int quantity(Product product, SplittableRandom random) {
    double draw = random.nextDouble();
    if (product.priceCents() < 500) {
      return draw < 0.55 ? 1 : draw < 0.83 ? 2 : draw < 0.93 ? 3 : draw < 0.97 ? 4 : 6;
    }
    if (product.priceCents() < 3000) {
      return draw < 0.8 ? 1 : draw < 0.95 ? 2 : 3;
    }
    return draw < 0.95 ? 1 : 2;
  }

  /** Knuth's method; fine for the small means of one store-day (well below 100). */
  private static int poisson(double mean, SplittableRandom random) {
    if (mean <= 0) {
      return 0;
    }
    if (mean > 500) {
      // exp(-mean) underflows; a normal approximation is indistinguishable at this size.
      return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * RandomSource.gaussian(random)));
    }
    double limit = StrictMath.exp(-mean);
    double product = random.nextDouble();
    int count = 0;
    while (product > limit) {
      count++;
      product *= random.nextDouble();
    }
    return count;
  }


  private static WeightedChoice<PaymentMethod> payments(int card, int cash, int mobile, int giftCard) {
    return WeightedChoice.of(List.of(PaymentMethod.values()), method -> switch (method) {
      case CARD -> card;
      case CASH -> cash;
      case MOBILE -> mobile;
      case GIFT_CARD -> giftCard;
    });
  }
}
