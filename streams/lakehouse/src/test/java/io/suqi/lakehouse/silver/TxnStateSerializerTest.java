package io.suqi.lakehouse.silver;

import static io.suqi.lakehouse.silver.SilverWireSamples.ANONYMOUS;
import static io.suqi.lakehouse.silver.SilverWireSamples.DELETED_LINE;
import static io.suqi.lakehouse.silver.SilverWireSamples.POS_LINE;
import static io.suqi.lakehouse.silver.SilverWireSamples.SALE;
import static io.suqi.lakehouse.silver.SilverWireSamples.TS;
import static io.suqi.lakehouse.silver.SilverWireSamples.VERIFIED_CDC_LINE;
import static org.assertj.core.api.Assertions.assertThat;

import io.suqi.lakehouse.bronze.InputSource;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.junit.jupiter.api.Test;

/** Flink's own serializer checks on the merger's state value, and how it meets the state written before it. */
class TxnStateSerializerTest extends SerializerTestBase<TxnState> {

  @Override
  protected TypeSerializer<TxnState> createSerializer() {
    return new TxnStateSerializer();
  }

  @Override
  protected int getLength() {
    return -1;
  }

  @Override
  protected Class<TxnState> getTypeClass() {
    return TxnState.class;
  }

  @Override
  protected TxnState[] getTestData() {
    return new TxnState[] {
        TxnState.empty(),
        new TxnState(new HeaderState(SALE, InputSource.POS, 0), List.of(POS_LINE, VERIFIED_CDC_LINE),
            new EmittedVersion(-42L, 3, false, TS)),
        new TxnState(new HeaderState(ANONYMOUS, InputSource.CDC, 991L), List.of(), null),
        new TxnState(null, List.of(DELETED_LINE), new EmittedVersion(0, 2, true, null)),
    };
  }

  @Test
  void stateTheReflectiveSerializerWroteIsMigratedAndItsOwnIsKeptAsIs() {
    TypeSerializerSnapshot<TxnState> pojo = TypeInformation.of(TxnState.class)
        .createSerializer(new SerializerConfigImpl()).snapshotConfiguration();
    TypeSerializerSnapshot<TxnState> own = TxnStateSerializer.INSTANCE.snapshotConfiguration();

    assertThat(own.resolveSchemaCompatibility(pojo).isCompatibleAfterMigration()).isTrue();
    assertThat(own.resolveSchemaCompatibility(own).isCompatibleAsIs()).isTrue();
  }
}
