package io.suqi.lakehouse.silver;

import io.suqi.lakehouse.wire.ImmutableRecordSerializer;
import io.suqi.lakehouse.wire.WireFields;
import io.suqi.lakehouse.wire.WireType;
import java.io.IOException;
import java.time.Instant;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * The merger's versions on their way to the silver sinks and the analytics that count
 * transactions, written field by field (see {@link TxnChangeSerializer}). Not used for state.
 */
public final class SilverChangeSerializer extends ImmutableRecordSerializer<SilverChange> {

  private static final long serialVersionUID = 1L;

  public static final SilverChangeSerializer INSTANCE = new SilverChangeSerializer();

  public static final TypeInformation<SilverChange> TYPE = new WireType<>(SilverChange.class, INSTANCE);

  @Override
  public SilverChange createInstance() {
    return new SilverChange(null, SilverTransaction.deleted("", Instant.EPOCH), 0);
  }

  @Override
  public void serialize(SilverChange change, DataOutputView out) throws IOException {
    SilverWire.writeTransaction(change.previous(), out);
    SilverWire.writeTransaction(change.current(), out);
    WireFields.writeVarInt(change.number(), out);
  }

  @Override
  public SilverChange deserialize(DataInputView in) throws IOException {
    return new SilverChange(SilverWire.readTransaction(in), SilverWire.readTransaction(in), WireFields.readVarInt(in));
  }

  @Override
  public TypeSerializerSnapshot<SilverChange> snapshotConfiguration() {
    return new Snapshot();
  }

  /** For the serializer's own restore; nothing to configure. */
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<SilverChange> {
    public Snapshot() {
      super(() -> INSTANCE);
    }
  }
}
