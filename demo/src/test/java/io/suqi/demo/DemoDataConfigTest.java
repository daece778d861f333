package io.suqi.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DemoDataConfigTest {

  @Test
  void defaultsDescribeTheStandardDemo() {
    // When
    DemoDataConfig config = DemoDataConfig.defaults();

    // Then
    assertThat(config.seed()).isEqualTo(42);
    assertThat(config.tenants()).extracting(DemoTenant::id).containsExactly("acme-retail", "bodega-co");
    assertThat(config.stores()).isEqualTo(20);
    assertThat(config.products()).isEqualTo(200);
    assertThat(config.customers()).isEqualTo(1_000);
    assertThat(config.months()).isEqualTo(13);
    assertThat(config.transactionLines()).isEqualTo(250_000);
    assertThat(config.anomalies()).isEqualTo(30);
  }

  @Test
  void withersChangeOneValue() {
    DemoDataConfig config = DemoDataConfig.defaults().withSeed(7).withMonths(2).withAnomalies(0);

    assertThat(config.seed()).isEqualTo(7);
    assertThat(config.months()).isEqualTo(2);
    assertThat(config.anomalies()).isZero();
    assertThat(config.stores()).isEqualTo(20);
  }

  @Test
  void rejectsNonsense() {
    DemoDataConfig defaults = DemoDataConfig.defaults();

    assertThatThrownBy(() -> defaults.withTenants(List.of())).hasMessageContaining("tenant");
    assertThatThrownBy(() -> defaults.withTenants(List.of(new DemoTenant("a", "A", 1),
        new DemoTenant("a", "B", 1)))).hasMessageContaining("unique");
    assertThatThrownBy(() -> defaults.withStores(1)).hasMessageContaining("stores");
    assertThatThrownBy(() -> defaults.withMonths(0)).hasMessageContaining("months");
    assertThatThrownBy(() -> defaults.withTransactionLines(0)).hasMessageContaining("transactionLines");
    assertThatThrownBy(() -> defaults.withAnomalies(-1)).hasMessageContaining("anomalies");
    assertThatThrownBy(() -> new DemoTenant("Not Kebab", "X", 1)).hasMessageContaining("kebab");
    assertThatThrownBy(() -> new DemoTenant("ok", " ", 1)).hasMessageContaining("blank");
    assertThatThrownBy(() -> new DemoTenant("ok", "Ok", 0)).hasMessageContaining("weight");
  }
}
