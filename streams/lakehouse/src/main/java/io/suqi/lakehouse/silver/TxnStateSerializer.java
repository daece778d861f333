package io.suqi.lakehouse.silver;

import static io.suqi.lakehouse.wire.WireFields.readInstant;
import static io.suqi.lakehouse.wire.WireFields.readVarInt;
import static io.suqi.lakehouse.wire.WireFields.readVarLong;
import static io.suqi.lakehouse.wire.WireFields.writeInstant;
import static io.suqi.lakehouse.wire.WireFields.writeVarInt;
import static io.suqi.lakehouse.wire.WireFields.writeVarLong;

import io.suqi.lakehouse.wire.ImmutableRecordSerializer;
import io.suqi.lakehouse.wire.WireType;
import java.io.IOException;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.java.typeutils.runtime.PojoSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * The merger's state value, one per txn_id, read and written on every record. Written field by
 * field: Flink's reflective serializer spent more time here than the merge itself, and wrote
 * class and null tags that RocksDB then compacted over and over.
 *
 * <p>Checkpoints taken while the state was written by Flink's POJO serializer restore: the
 * snapshot asks Flink to migrate them, which RocksDB does value by value on the first start.
 */
public final class TxnStateSerializer extends ImmutableRecordSerializer<TxnState> {

  private static final long serialVersionUID = 1L;

  public static final TxnStateSerializer INSTANCE = new TxnStateSerializer();

  public static final TypeInformation<TxnState> TYPE = new WireType<>(TxnState.class, INSTANCE);

  @Override
  public TxnState createInstance() {
    return TxnState.empty();
  }

  @Override
  public void serialize(TxnState txn, DataOutputView out) throws IOException {
    HeaderState header = txn.header();
    out.writeBoolean(header != null);
    if (header != null) {
      SilverWire.writeHeader(header.header(), out);
      SilverWire.writeSource(header.source(), out);
      writeVarLong(header.lsn(), out);
    }
    SilverWire.writeLines(txn.lines(), out);
    EmittedVersion emitted = txn.emitted();
    out.writeBoolean(emitted != null);
    if (emitted != null) {
      out.writeLong(emitted.fingerprint());
      writeVarInt(emitted.number(), out);
      out.writeBoolean(emitted.deleted());
      writeInstant(emitted.emittedAt(), out);
    }
  }

  @Override
  public TxnState deserialize(DataInputView in) throws IOException {
    HeaderState header = in.readBoolean()
        ? new HeaderState(SilverWire.readHeader(in), SilverWire.readSource(in), readVarLong(in))
        : null;
    return new TxnState(header, SilverWire.readLines(in), in.readBoolean()
        ? new EmittedVersion(in.readLong(), readVarInt(in), in.readBoolean(), readInstant(in))
        : null);
  }

  @Override
  public TypeSerializerSnapshot<TxnState> snapshotConfiguration() {
    return new Snapshot();
  }

  /** Nothing to configure; state from the POJO serializer that came before is migrated. */
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<TxnState> {
    public Snapshot() {
      super(() -> INSTANCE);
    }

    @Override
    public TypeSerializerSchemaCompatibility<TxnState> resolveSchemaCompatibility(
        TypeSerializerSnapshot<TxnState> oldSerializerSnapshot) {
      if (oldSerializerSnapshot instanceof PojoSerializerSnapshot) {
        return TypeSerializerSchemaCompatibility.compatibleAfterMigration();
      }
      return super.resolveSchemaCompatibility(oldSerializerSnapshot);
    }
  }
}
