package io.suqi.lakehouse.silver;

import io.suqi.lakehouse.wire.WireType;
import java.io.IOException;
import java.time.Instant;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * The merger's versions on their way to the silver sinks and the analytics that count
 * transactions, written field by field (see {@link TxnChangeSerializer}). Not used for state.
 */
public final class SilverChangeSerializer extends TypeSerializerSingleton<SilverChange> {

  private static final long serialVersionUID = 1L;

  public static final SilverChangeSerializer INSTANCE = new SilverChangeSerializer();

  public static final TypeInformation<SilverChange> TYPE = new WireType<>(SilverChange.class, INSTANCE);

  @Override
  public boolean isImmutableType() {
    return true; // a record of immutable parts
  }

  @Override
  public SilverChange createInstance() {
    return new SilverChange(null, SilverTransaction.deleted("", Instant.EPOCH), 0);
  }

  @Override
  public SilverChange copy(SilverChange from) {
    return from;
  }

  @Override
  public SilverChange copy(SilverChange from, SilverChange reuse) {
    return from;
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(SilverChange change, DataOutputView out) throws IOException {
    SilverWire.writeTransaction(change.previous(), out);
    SilverWire.writeTransaction(change.current(), out);
    out.writeInt(change.number());
  }

  @Override
  public SilverChange deserialize(DataInputView in) throws IOException {
    return new SilverChange(SilverWire.readTransaction(in), SilverWire.readTransaction(in), in.readInt());
  }

  @Override
  public SilverChange deserialize(SilverChange reuse, DataInputView in) throws IOException {
    return deserialize(in);
  }

  @Override
  public void copy(DataInputView in, DataOutputView out) throws IOException {
    serialize(deserialize(in), out);
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
