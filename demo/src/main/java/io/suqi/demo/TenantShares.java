package io.suqi.demo;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** Splits a count (stores, products, customers) between tenants by weight; everyone gets one. */
final class TenantShares {

  private TenantShares() {}

  static int[] split(int total, List<DemoTenant> tenants) {
    int[] shares = new int[tenants.size()];
    Arrays.fill(shares, 1);
    int rest = total - tenants.size();
    double weightSum = tenants.stream().mapToInt(DemoTenant::weight).sum();
    double[] exact = new double[tenants.size()];
    int given = 0;
    for (int i = 0; i < shares.length; i++) {
      exact[i] = rest * tenants.get(i).weight() / weightSum;
      shares[i] += (int) Math.floor(exact[i]);
      given += (int) Math.floor(exact[i]);
    }
    // Largest remainder: the leftovers go to the tenants that were rounded down the most.
    int[] byRemainder = IntStream.range(0, shares.length).boxed()
        .sorted(Comparator.comparingDouble((Integer i) -> exact[i] - Math.floor(exact[i])).reversed()
            .thenComparingInt(i -> i))
        .mapToInt(Integer::intValue).toArray();
    for (int k = 0; k < rest - given; k++) {
      shares[byRemainder[k]]++;
    }
    return shares;
  }
}
