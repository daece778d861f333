package io.suqi.lakehouse.platinum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.junit.jupiter.api.Test;

/** The job runs with generic types (Kryo) disabled: every platinum type must have a Flink serializer. */
class PlatinumTypesTest {

  @Test
  void everyTypeMovedOrKeptIsAPojoWithoutKryo() {
    // Given the configuration of the job: no generic types
    SerializerConfigImpl noKryo = new SerializerConfigImpl();
    noKryo.setGenericTypes(false);

    // Then each type moved between operators or kept in state is a POJO whose serializer builds
    for (Class<?> type : List.of(StoreDayFeatures.class, DaySales.class, FeatureSpan.class, CountedPurchase.class,
        PurchaseDelta.class, CustomerTotals.class, CustomerRfm.class)) {
      TypeInformation<?> info = TypeInformation.of(type);
      assertThat(info).as(type.getSimpleName()).isInstanceOf(PojoTypeInfo.class);
      assertThatCode(() -> info.createSerializer(noKryo)).as(type.getSimpleName()).doesNotThrowAnyException();
    }
  }

  @Test
  void settingsRejectANonPositiveRetention() {
    // Then a retention below one day is refused
    assertThatThrownBy(() -> new PlatinumSettings(0)).isInstanceOf(IllegalArgumentException.class);
    assertThat(PlatinumSettings.DEFAULTS.featureRetentionDays()).isEqualTo(400);
  }
}
