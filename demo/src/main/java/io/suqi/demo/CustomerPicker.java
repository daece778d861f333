package io.suqi.demo;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * Picks which loyalty customer made a purchase, or null for a walk-in. Customers mostly shop in
 * their own region, frequent segments more often, and never before they joined.
 */
final class CustomerPicker {

  static final double WALK_IN_SHARE = 0.35;
  private static final double SHARE_IN_OWN_REGION = 0.9;

  private final Map<String, WeightedChoice<Customer>> byTenant = new HashMap<>();
  /** Key: tenant id and region. */
  private final Map<String, WeightedChoice<Customer>> byTenantRegion = new HashMap<>();

  CustomerPicker(List<Customer> customers) {
    customers.stream().collect(Collectors.groupingBy(Customer::tenantId))
        .forEach((tenant, list) -> byTenant.put(tenant, byFrequency(list)));
    customers.stream().collect(Collectors.groupingBy(c -> key(c.tenantId(), c.region())))
        .forEach((key, list) -> byTenantRegion.put(key, byFrequency(list)));
  }

  /** Returns null for a walk-in. */
  Customer pick(Store store, LocalDate day, SplittableRandom random) {
    if (random.nextDouble() < WALK_IN_SHARE) {
      return null;
    }
    WeightedChoice<Customer> local = byTenantRegion.get(key(store.tenantId(), store.region()));
    WeightedChoice<Customer> pool =
        local != null && random.nextDouble() < SHARE_IN_OWN_REGION ? local : byTenant.get(store.tenantId());
    Customer customer = pool.pick(random);
    return customer.joinedOn().isAfter(day) ? null : customer;
  }

  private static WeightedChoice<Customer> byFrequency(List<Customer> customers) {
    return WeightedChoice.of(customers, c -> c.segment().visitFrequency);
  }

  private static String key(String tenantId, String region) {
    return tenantId + "/" + region;
  }
}
