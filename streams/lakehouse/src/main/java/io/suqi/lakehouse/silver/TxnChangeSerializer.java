package io.suqi.lakehouse.silver;

import static io.suqi.lakehouse.wire.WireFields.readEnum;
import static io.suqi.lakehouse.wire.WireFields.readString;
import static io.suqi.lakehouse.wire.WireFields.writeEnum;
import static io.suqi.lakehouse.wire.WireFields.writeString;

import io.suqi.lakehouse.wire.ImmutableRecordSerializer;
import io.suqi.lakehouse.wire.WireFields;
import io.suqi.lakehouse.wire.WireType;
import java.io.IOException;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * The quality gate's accepted records on their way to the merger (a shuffle by txn_id). Written
 * field by field: Flink's reflective serializer for this record cost more than the gate's parsing.
 * Not used for state.
 */
public final class TxnChangeSerializer extends ImmutableRecordSerializer<TxnChange> {

  private static final long serialVersionUID = 1L;

  public static final TxnChangeSerializer INSTANCE = new TxnChangeSerializer();

  public static final TypeInformation<TxnChange> TYPE = new WireType<>(TxnChange.class, INSTANCE);

  private static final ChangeKind[] KINDS = ChangeKind.values();

  @Override
  public TxnChange createInstance() {
    return new TxnChange(ChangeKind.POS_TRANSACTION, "", null, List.of(), 0, null);
  }

  @Override
  public void serialize(TxnChange change, DataOutputView out) throws IOException {
    writeEnum(change.kind(), out);
    writeString(change.txnId(), out);
    SilverWire.writeHeader(change.header(), out);
    SilverWire.writeLines(change.lines(), out);
    WireFields.writeVarLong(change.lsn(), out);
    SilverWire.writeOrigin(change.origin(), out);
  }

  @Override
  public TxnChange deserialize(DataInputView in) throws IOException {
    return new TxnChange(readEnum(KINDS, in), readString(in), SilverWire.readHeader(in), SilverWire.readLines(in),
        WireFields.readVarLong(in), SilverWire.readOrigin(in));
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
