package io.suqi.lakehouse.silver;

import java.util.List;

/**
 * Everything {@link TxnMerger} keeps for one txn_id, in one state value: a transaction has a
 * handful of lines, so reading and writing it whole is one state access per record instead of a
 * dozen (each a RocksDB call).
 *
 * @param header null until a header arrived
 * @param lines the lines received so far, sorted by line number
 * @param emitted null until a version was emitted
 * @param lastChangeAt processing time of the last change: retention counts from it
 * @param cleanupAt the registered retention timer, 0 when none
 */
public record TxnState(HeaderState header, List<TxnLine> lines, EmittedVersion emitted, long lastChangeAt,
    long cleanupAt) {

  public TxnState {
    lines = List.copyOf(lines);
  }

  static TxnState empty() {
    return new TxnState(null, List.of(), null, 0, 0);
  }

  TxnState withHeader(HeaderState newHeader) {
    return new TxnState(newHeader, lines, emitted, lastChangeAt, cleanupAt);
  }

  TxnState withLines(List<TxnLine> newLines) {
    return new TxnState(header, newLines, emitted, lastChangeAt, cleanupAt);
  }

  TxnState withEmitted(EmittedVersion newEmitted) {
    return new TxnState(header, lines, newEmitted, lastChangeAt, cleanupAt);
  }

  TxnState withRetention(long newLastChangeAt, long newCleanupAt) {
    return new TxnState(header, lines, emitted, newLastChangeAt, newCleanupAt);
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

  boolean hasCdcLines() {
    return lines.stream().anyMatch(line -> line.source() == io.suqi.lakehouse.bronze.InputSource.CDC);
  }
}
