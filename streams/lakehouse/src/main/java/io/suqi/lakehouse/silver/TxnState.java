package io.suqi.lakehouse.silver;

import io.suqi.lakehouse.bronze.InputSource;
import java.util.List;

/**
 * Everything {@link TxnMerger} keeps for one txn_id, in one state value: a transaction has a
 * handful of lines, so reading and writing it whole is one state access per record instead of a
 * dozen (each a RocksDB call).
 *
 * @param header null until a header arrived
 * @param lines the lines received so far, sorted by line number
 * @param emitted null until a version was emitted
 */
public record TxnState(HeaderState header, List<TxnLine> lines, EmittedVersion emitted) {

  public TxnState {
    lines = List.copyOf(lines);
  }

  static TxnState empty() {
    return new TxnState(null, List.of(), null);
  }

  TxnState withHeader(HeaderState newHeader) {
    return new TxnState(newHeader, lines, emitted);
  }

  TxnState withLines(List<TxnLine> newLines) {
    return new TxnState(header, newLines, emitted);
  }

  TxnState withEmitted(EmittedVersion newEmitted) {
    return new TxnState(header, lines, newEmitted);
  }

  /** The line with that number, or null. */
  TxnLine line(int lineNo) {
    for (TxnLine line : lines) {
      if (line.lineNo() == lineNo) {
        return line;
      }
    }
    return null;
  }

  /**
   * The version last emitted for {@code txnId}, or null if none was. Holds because the state is
   * only stored after a reconcile: then the header and lines are the emitted content (or equal to
   * it by fingerprint), and a header is missing only before the first version or after a delete.
   */
  SilverTransaction emittedVersion(String txnId) {
    if (emitted == null) {
      return null;
    }
    if (emitted.deleted()) {
      return SilverTransaction.deleted(txnId, emitted.emittedAt());
    }
    return new SilverTransaction(txnId, header.header(), lines, header.source(), emitted.emittedAt());
  }

  boolean hasCdcLines() {
    for (TxnLine line : lines) {
      if (line.source() == InputSource.CDC) {
        return true;
      }
    }
    return false;
  }
}
