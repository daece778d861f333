package io.suqi.lakehouse.silver;

import io.suqi.lakehouse.bronze.InputSource;

/** The header a transaction has now, where it came from and, for CDC, the log position that wrote it. */
public record HeaderState(TxnHeader header, InputSource source, long lsn) {}
