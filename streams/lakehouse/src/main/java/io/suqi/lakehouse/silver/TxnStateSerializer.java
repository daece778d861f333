package io.suqi.lakehouse.silver;

import static io.suqi.lakehouse.wire.WireFields.readInstant;
import static io.suqi.lakehouse.wire.WireFields.writeInstant;

import io.suqi.lakehouse.wire.WireType;
import java.io.IOException;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
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
public final class TxnStateSerializer extends TypeSerializerSingleton<TxnState> {

  private static final long serialVersionUID = 1L;

  public static final TxnStateSerializer INSTANCE = new TxnStateSerializer();

  public static final TypeInformation<TxnState> TYPE = new WireType<>(TxnState.class, INSTANCE);

  @Override
  public boolean isImmutableType() {
    return true; // a record of immutable parts
  }

  @Override
  public TxnState createInstance() {
    return TxnState.empty();
  }

  @Override
  public TxnState copy(TxnState from) {
    return from;
  }

  @Override
  public TxnState copy(TxnState from, TxnState reuse) {
    return from;
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(TxnState txn, DataOutputView out) throws IOException {
    HeaderState header = txn.header();
    out.writeBoolean(header != null);
    if (header != null) {
      SilverWire.writeHeader(header.header(), out);
      SilverWire.writeSource(header.source(), out);
      out.writeLong(header.lsn());
    }
    SilverWire.writeLines(txn.lines(), out);
    EmittedVersion emitted = txn.emitted();
    out.writeBoolean(emitted != null);
    if (emitted != null) {
      out.writeLong(emitted.fingerprint());
      out.writeInt(emitted.number());
      out.writeBoolean(emitted.deleted());
      writeInstant(emitted.emittedAt(), out);
    }
  }

  @Override
  public TxnState deserialize(DataInputView in) throws IOException {
    HeaderState header = in.readBoolean()
        ? new HeaderState(SilverWire.readHeader(in), SilverWire.readSource(in), in.readLong())
        : null;
    return new TxnState(header, SilverWire.readLines(in), in.readBoolean()
        ? new EmittedVersion(in.readLong(), in.readInt(), in.readBoolean(), readInstant(in))
        : null);
  }

  @Override
  public TxnState deserialize(TxnState reuse, DataInputView in) throws IOException {
    return deserialize(in);
  }

  @Override
  public void copy(DataInputView in, DataOutputView out) throws IOException {
    serialize(deserialize(in), out);
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
