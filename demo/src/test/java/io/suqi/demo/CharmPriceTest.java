package io.suqi.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CharmPriceTest {

  @Test
  void endsPricesLikeAShelfLabel() {
    assertThat(CharmPrice.cents(12.40)).isEqualTo(1_299);
    assertThat(CharmPrice.cents(4.43)).isEqualTo(439);
    assertThat(CharmPrice.cents(0.20)).isEqualTo(99);
    assertThat(CharmPrice.cents(199.99)).isEqualTo(19_999);
  }
}
