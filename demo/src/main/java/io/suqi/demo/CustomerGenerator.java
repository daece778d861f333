package io.suqi.demo;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates loyalty customers. Most live in a region where their tenant has stores; most joined
 * before the window, the rest during it (and cannot buy before they join).
 */
final class CustomerGenerator {

  private static final double SHARE_NEAR_A_STORE = 0.85;
  private static final double SHARE_JOINED_BEFORE_WINDOW = 0.8;
  private static final int MAX_MEMBERSHIP_DAYS = 4 * 365;

  private final DemoCatalog catalog;
  private final LoadWindow window;
  private final WeightedChoice<CustomerSegment> segments =
      WeightedChoice.of(Arrays.asList(CustomerSegment.values()), segment -> segment.share);

  CustomerGenerator(DemoCatalog catalog, LoadWindow window) {
    this.catalog = catalog;
    this.window = window;
  }

  List<Customer> generate(List<DemoTenant> tenants, int[] customersPerTenant, List<Store> stores,
      SplittableRandom random) {
    List<String> allRegions = catalog.regions().stream().map(DemoCatalog.Region::name).toList();
    List<Customer> customers = new ArrayList<>();
    for (int t = 0; t < tenants.size(); t++) {
      String tenantId = tenants.get(t).id();
      // Picking a store and taking its region weights regions by how many stores are there.
      WeightedChoice<Store> tenantStores =
          WeightedChoice.of(stores.stream().filter(s -> s.tenantId().equals(tenantId)).toList(), s -> 1);
      for (int i = 0; i < customersPerTenant[t]; i++) {
        String region = random.nextDouble() < SHARE_NEAR_A_STORE
            ? tenantStores.pick(random).region()
            : allRegions.get(random.nextInt(allRegions.size()));
        customers.add(new Customer(customers.size() + 1L, tenantId, segments.pick(random), region,
            joinedOn(random)));
      }
    }
    return customers;
  }

  private LocalDate joinedOn(SplittableRandom random) {
    if (random.nextDouble() < SHARE_JOINED_BEFORE_WINDOW) {
      return window.firstDay().minusDays(1 + random.nextInt(MAX_MEMBERSHIP_DAYS));
    }
    long windowDays = ChronoUnit.DAYS.between(window.firstDay(), window.today()) + 1;
    return window.firstDay().plusDays(random.nextLong(windowDays));
  }
}
