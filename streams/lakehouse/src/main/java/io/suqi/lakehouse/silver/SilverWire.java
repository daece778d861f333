package io.suqi.lakehouse.silver;

import static io.suqi.lakehouse.wire.WireFields.readDecimal;
import static io.suqi.lakehouse.wire.WireFields.readInstant;
import static io.suqi.lakehouse.wire.WireFields.readLong;
import static io.suqi.lakehouse.wire.WireFields.readString;
import static io.suqi.lakehouse.wire.WireFields.readVarInt;
import static io.suqi.lakehouse.wire.WireFields.readVarLong;
import static io.suqi.lakehouse.wire.WireFields.writeDecimal;
import static io.suqi.lakehouse.wire.WireFields.writeInstant;
import static io.suqi.lakehouse.wire.WireFields.writeLong;
import static io.suqi.lakehouse.wire.WireFields.writeString;
import static io.suqi.lakehouse.wire.WireFields.writeVarInt;
import static io.suqi.lakehouse.wire.WireFields.writeVarLong;

import io.suqi.lakehouse.bronze.InputSource;
import java.io.IOException;
import java.util.List;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * How silver's parts are written, between tasks ({@link TxnChangeSerializer}, {@link SilverChangeSerializer})
 * and in the merger's state ({@link TxnStateSerializer}). What state holds is read back by later
 * versions of the job: change an encoding only together with that serializer's snapshot version.
 */
final class SilverWire {

  private static final byte NO_SOURCE = 0;
  private static final byte POS = 1;
  private static final byte CDC = 2;

  private SilverWire() {}

  static void writeHeader(TxnHeader header, DataOutputView out) throws IOException {
    out.writeBoolean(header != null);
    if (header == null) {
      return;
    }
    writeString(header.txnId(), out);
    writeString(header.tenantId(), out);
    writeVarLong(header.storeId(), out);
    writeLong(header.customerId(), out);
    writeInstant(header.ts(), out);
    writeString(header.status(), out);
    writeString(header.paymentMethod(), out);
    writeString(header.region(), out);
  }

  static TxnHeader readHeader(DataInputView in) throws IOException {
    if (!in.readBoolean()) {
      return null;
    }
    return new TxnHeader(readString(in), readString(in), readVarLong(in), readLong(in), readInstant(in), readString(in),
        readString(in), readString(in));
  }

  static void writeLines(List<TxnLine> lines, DataOutputView out) throws IOException {
    writeVarInt(lines.size(), out);
    for (TxnLine line : lines) {
      writeLine(line, out);
    }
  }

  /** Unmodifiable, like the lists the parsers and the merger build, so a chained copy may share it. */
  static List<TxnLine> readLines(DataInputView in) throws IOException {
    TxnLine[] lines = new TxnLine[readVarInt(in)];
    for (int i = 0; i < lines.length; i++) {
      lines[i] = readLine(in);
    }
    return List.of(lines);
  }

  private static void writeLine(TxnLine line, DataOutputView out) throws IOException {
    writeVarInt(line.lineNo(), out);
    writeVarLong(line.productId(), out);
    writeVarInt(line.quantity(), out);
    writeDecimal(line.unitPrice(), out);
    writeDecimal(line.discount(), out);
    writeString(line.category(), out);
    writeString(line.productTenant(), out);
    writeString(line.verifiedTenant(), out);
    writeSource(line.source(), out);
    writeVarLong(line.lsn(), out);
    writeOrigin(line.origin(), out);
  }

  private static TxnLine readLine(DataInputView in) throws IOException {
    return new TxnLine(readVarInt(in), readVarLong(in), readVarInt(in), readDecimal(in), readDecimal(in),
        readString(in), readString(in), readString(in), readSource(in), readVarLong(in), readOrigin(in));
  }

  /**
   * A code of its own rather than the ordinal: lines are kept in state ({@link TxnStateSerializer}),
   * which must still read after the enum gains or reorders constants.
   */
  static void writeSource(InputSource source, DataOutputView out) throws IOException {
    out.writeByte(source == null ? NO_SOURCE : source == InputSource.POS ? POS : CDC);
  }

  static InputSource readSource(DataInputView in) throws IOException {
    byte code = in.readByte();
    return switch (code) {
      case NO_SOURCE -> null;
      case POS -> InputSource.POS;
      case CDC -> InputSource.CDC;
      default -> throw new IOException("Unknown input source code " + code + ": the data was written by a newer version");
    };
  }

  static void writeOrigin(RecordOrigin origin, DataOutputView out) throws IOException {
    out.writeBoolean(origin != null);
    if (origin != null) {
      writeString(origin.topic(), out);
      writeVarInt(origin.partition(), out);
      writeVarLong(origin.offset(), out);
      writeString(origin.key(), out);
    }
  }

  static RecordOrigin readOrigin(DataInputView in) throws IOException {
    return in.readBoolean() ? new RecordOrigin(readString(in), readVarInt(in), readVarLong(in), readString(in)) : null;
  }

  static void writeTransaction(SilverTransaction txn, DataOutputView out) throws IOException {
    out.writeBoolean(txn != null);
    if (txn == null) {
      return;
    }
    writeString(txn.txnId(), out);
    writeHeader(txn.header(), out);
    writeLines(txn.lines(), out);
    writeSource(txn.source(), out);
    writeInstant(txn.updatedAt(), out);
  }

  static SilverTransaction readTransaction(DataInputView in) throws IOException {
    if (!in.readBoolean()) {
      return null;
    }
    return new SilverTransaction(readString(in), readHeader(in), readLines(in), readSource(in), readInstant(in));
  }
}
