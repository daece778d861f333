package io.suqi.lakehouse.silver;

import static io.suqi.lakehouse.wire.WireFields.readEnum;
import static io.suqi.lakehouse.wire.WireFields.readString;
import static io.suqi.lakehouse.wire.WireFields.writeEnum;
import static io.suqi.lakehouse.wire.WireFields.writeString;

import io.suqi.lakehouse.wire.WireType;
import java.io.IOException;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * The quality gate's accepted records on their way to the merger (a shuffle by txn_id). Written
 * field by field: Flink's reflective serializer for this record cost more than the gate's parsing.
 * Not used for state.
 */
public final class TxnChangeSerializer extends TypeSerializerSingleton<TxnChange> {

  private static final long serialVersionUID = 1L;

  public static final TxnChangeSerializer INSTANCE = new TxnChangeSerializer();

  public static final TypeInformation<TxnChange> TYPE = new WireType<>(TxnChange.class, INSTANCE);

  private static final ChangeKind[] KINDS = ChangeKind.values();

  @Override
  public boolean isImmutableType() {
    return true; // a record of immutable parts
  }

  @Override
  public TxnChange createInstance() {
    return new TxnChange(ChangeKind.POS_TRANSACTION, "", null, List.of(), 0, null);
  }

  @Override
  public TxnChange copy(TxnChange from) {
    return from;
  }

  @Override
  public TxnChange copy(TxnChange from, TxnChange reuse) {
    return from;
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(TxnChange change, DataOutputView out) throws IOException {
    writeEnum(change.kind(), out);
    writeString(change.txnId(), out);
    SilverWire.writeHeader(change.header(), out);
    SilverWire.writeLines(change.lines(), out);
    out.writeLong(change.lsn());
    SilverWire.writeOrigin(change.origin(), out);
  }

  @Override
  public TxnChange deserialize(DataInputView in) throws IOException {
    return new TxnChange(readEnum(KINDS, in), readString(in), SilverWire.readHeader(in), SilverWire.readLines(in),
        in.readLong(), SilverWire.readOrigin(in));
  }

  @Override
  public TxnChange deserialize(TxnChange reuse, DataInputView in) throws IOException {
    return deserialize(in);
  }

  @Override
  public void copy(DataInputView in, DataOutputView out) throws IOException {
    serialize(deserialize(in), out);
  }

  @Override
  public TypeSerializerSnapshot<TxnChange> snapshotConfiguration() {
    return new Snapshot();
  }

  /** For the serializer's own restore; nothing to configure. */
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<TxnChange> {
    public Snapshot() {
      super(() -> INSTANCE);
    }
  }
}
