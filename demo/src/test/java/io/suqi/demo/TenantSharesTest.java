package io.suqi.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TenantSharesTest {

  private static final List<DemoTenant> THREE_TO_TWO = DemoDataConfig.DEFAULT_TENANTS;

  @Test
  void splitsByWeight() {
    assertThat(TenantShares.split(20, THREE_TO_TWO)).containsExactly(12, 8);
    assertThat(TenantShares.split(1_000, THREE_TO_TWO)).containsExactly(600, 400);
  }

  @Test
  void givesEveryTenantAtLeastOneAndLosesNothingToRounding() {
    List<DemoTenant> uneven = List.of(new DemoTenant("a", "A", 1), new DemoTenant("b", "B", 1),
        new DemoTenant("c", "C", 100));

    assertThat(TenantShares.split(3, uneven)).containsExactly(1, 1, 1);
    assertThat(TenantShares.split(10, uneven)).containsExactly(1, 1, 8);
    assertThat(TenantShares.split(7, THREE_TO_TWO)).containsExactly(4, 3);
  }
}
