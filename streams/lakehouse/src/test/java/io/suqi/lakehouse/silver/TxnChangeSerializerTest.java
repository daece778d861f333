package io.suqi.lakehouse.silver;

import static io.suqi.lakehouse.silver.SilverWireSamples.ANONYMOUS;
import static io.suqi.lakehouse.silver.SilverWireSamples.DELETED_LINE;
import static io.suqi.lakehouse.silver.SilverWireSamples.ORIGIN;
import static io.suqi.lakehouse.silver.SilverWireSamples.POS_LINE;
import static io.suqi.lakehouse.silver.SilverWireSamples.SALE;
import static io.suqi.lakehouse.silver.SilverWireSamples.VERIFIED_CDC_LINE;

import java.util.List;
import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/** Flink's own serializer checks (round trips, copies, sequences, snapshots) on the merger's input. */
class TxnChangeSerializerTest extends SerializerTestBase<TxnChange> {

  @Override
  protected TypeSerializer<TxnChange> createSerializer() {
    return new TxnChangeSerializer();
  }

  @Override
  protected int getLength() {
    return -1;
  }

  @Override
  protected Class<TxnChange> getTypeClass() {
    return TxnChange.class;
  }

  @Override
  protected TxnChange[] getTestData() {
    return new TxnChange[] {
        new TxnChange(ChangeKind.POS_TRANSACTION, "x1", SALE, List.of(POS_LINE, VERIFIED_CDC_LINE), 0, ORIGIN),
        new TxnChange(ChangeKind.CDC_HEADER, "x2", ANONYMOUS, List.of(), 77, ORIGIN),
        new TxnChange(ChangeKind.CDC_HEADER_DELETE, "x2", null, List.of(), 78, null),
        new TxnChange(ChangeKind.CDC_LINE, "x1", null, List.of(VERIFIED_CDC_LINE), 79, ORIGIN),
        new TxnChange(ChangeKind.CDC_LINE_DELETE, "x1", null, List.of(DELETED_LINE), 80, ORIGIN),
    };
  }
}
