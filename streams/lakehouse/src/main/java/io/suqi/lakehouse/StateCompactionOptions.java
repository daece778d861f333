package io.suqi.lakehouse;

import java.util.Collection;
import org.apache.flink.state.rocksdb.RocksDBOptionsFactory;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompactionOptionsUniversal;
import org.rocksdb.DBOptions;

/**
 * Universal compaction tuned for state that is mostly inserted once and seldom overwritten (the
 * merge step's memory of every transaction): a checkpoint flushes a small file every interval, and
 * RocksDB's defaults merged them again and again, and rewrote the whole state whenever the newer
 * files together outgrew the oldest, though nothing in them replaced anything (a new txn_id's lookup
 * is answered by each file's Bloom filter, so more files cost little).
 */
public final class StateCompactionOptions implements RocksDBOptionsFactory {

  private static final long serialVersionUID = 1L;

  /** Sorted runs allowed before the newest are merged (RocksDB: 4). */
  static final int RUNS_BEFORE_COMPACTION = 8;
  /** How much larger than the oldest run the newer runs may grow before all are merged (RocksDB: 200 %). */
  static final int SIZE_AMPLIFICATION_PERCENT = 600;

  @Override
  public DBOptions createDBOptions(DBOptions current, Collection<AutoCloseable> handlesToClose) {
    return current;
  }

  @Override
  public ColumnFamilyOptions createColumnOptions(ColumnFamilyOptions current,
      Collection<AutoCloseable> handlesToClose) {
    CompactionOptionsUniversal universal = new CompactionOptionsUniversal();
    handlesToClose.add(universal);
    universal.setMaxSizeAmplificationPercent(SIZE_AMPLIFICATION_PERCENT);
    return current.setCompactionOptionsUniversal(universal)
        .setLevel0FileNumCompactionTrigger(RUNS_BEFORE_COMPACTION);
  }
}
