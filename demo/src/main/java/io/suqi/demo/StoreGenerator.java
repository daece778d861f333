package io.suqi.demo;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generates the stores of every tenant. Larger tenants span more regions; the last store of a
 * tenant with five or more stores opened during the window, so "same-store sales" has something to
 * exclude.
 */
final class StoreGenerator {

  private static final int STORES_PER_REGION = 2;
  private static final int STORES_BEFORE_A_NEW_ONE = 5;

  private final DemoCatalog catalog;
  private final LoadWindow window;
  private final WeightedChoice<StoreFormat> formats =
      WeightedChoice.of(Arrays.asList(StoreFormat.values()), format -> format.prevalence);

  StoreGenerator(DemoCatalog catalog, LoadWindow window) {
    this.catalog = catalog;
    this.window = window;
  }

  List<Store> generate(List<DemoTenant> tenants, int[] storesPerTenant, SplittableRandom random) {
    List<Store> stores = new ArrayList<>();
    for (int t = 0; t < tenants.size(); t++) {
      stores.addAll(storesOf(tenants.get(t), storesPerTenant[t], stores.size() + 1L, random));
    }
    return stores;
  }

  private List<Store> storesOf(DemoTenant tenant, int count, long firstId, SplittableRandom random) {
    List<DemoCatalog.Region> regions = RandomSource.shuffled(catalog.regions(), random);
    int regionCount = Math.min(regions.size(), Math.max(1, ceilDiv(count, STORES_PER_REGION)));
    List<String> locations = RandomSource.shuffled(catalog.storeLocations(), random);
    Set<String> names = new HashSet<>();
    List<Store> stores = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      DemoCatalog.Region region = regions.get(i % regionCount);
      List<String> cities = region.cities();
      String city = cities.get((i / regionCount + tenant.id().length()) % cities.size());
      String name = uniqueName(tenant.name() + " " + city + " " + locations.get(i % locations.size()), names);
      StoreFormat format = i == 0 ? StoreFormat.FLAGSHIP : formats.pick(random);
      boolean opensInWindow = count >= STORES_BEFORE_A_NEW_ONE && i == count - 1;
      stores.add(new Store(firstId + i, tenant.id(), name, region.name(), city,
          opensInWindow ? openingInWindow(random) : openingBeforeWindow(random), format,
          format.volumeFactor * (0.8 + 0.4 * random.nextDouble())));
    }
    return stores;
  }

  private LocalDate openingBeforeWindow(SplittableRandom random) {
    return window.firstDay().minusDays(30 + random.nextInt(12 * 365));
  }

  /** Somewhere in the later half of the window, so the new store has a few months of sales. */
  private LocalDate openingInWindow(SplittableRandom random) {
    long days = ChronoUnit.DAYS.between(window.firstDay(), window.today());
    return window.firstDay().plusDays(days / 2 + random.nextLong(Math.max(1, days / 4)));
  }

  private static String uniqueName(String candidate, Set<String> taken) {
    String name = candidate;
    for (int n = 2; !taken.add(name); n++) {
      name = candidate + " " + n;
    }
    return name;
  }

  private static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }
}
