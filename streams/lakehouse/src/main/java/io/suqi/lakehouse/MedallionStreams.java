package io.suqi.lakehouse;

import io.suqi.lakehouse.bronze.RawEvent;
import io.suqi.lakehouse.gold.SalesCell;
import io.suqi.lakehouse.quality.QuarantinedRecord;
import io.suqi.lakehouse.silver.SilverChange;
import io.suqi.lakehouse.silver.SilverTransaction;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * The streams of each layer, returned by {@link MedallionJob#attachTo}: the extension points on
 * which further jobs of the same pipeline (platinum tables, real-time metrics, anomaly detection)
 * build without re-reading Kafka.
 *
 * @param silver every change of a transaction's merged version (deletions included)
 * @param silverChanges the same changes with the version before each
 * @param goldTotals the absolute totals after each change, all grains
 */
public record MedallionStreams(DataStream<RawEvent> bronze, DataStream<SilverTransaction> silver,
    DataStream<SilverChange> silverChanges,
    DataStream<QuarantinedRecord> quarantine, DataStream<SalesCell> goldTotals) {}
