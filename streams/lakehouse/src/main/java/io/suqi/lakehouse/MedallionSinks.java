package io.suqi.lakehouse;

import io.suqi.lakehouse.bronze.RawEvent;
import io.suqi.lakehouse.gold.SalesCell;
import io.suqi.lakehouse.gold.SalesGrain;
import io.suqi.lakehouse.quality.QualityResult;
import io.suqi.lakehouse.quality.QuarantinedRecord;
import io.suqi.lakehouse.silver.SilverChange;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.connector.sink2.Sink;

/**
 * Where each layer of the medallion job writes. {@link PostgresSinks} builds the real ones;
 * tests pass collecting sinks.
 *
 * @param silver receives each version, with the one before it, for silver.transactions and
 *     silver.transaction_items
 * @param gold one sink per grain, receiving absolute totals (zero transactions means: no row)
 */
public record MedallionSinks(Sink<RawEvent> bronze, Sink<QuarantinedRecord> quarantineTable,
    Sink<QuarantinedRecord> quarantineTopic, Sink<QualityResult> qualityResults,
    Sink<SilverChange> silver,
    Map<SalesGrain, Sink<SalesCell>> gold) {

  public MedallionSinks {
    Objects.requireNonNull(bronze, "bronze");
    Objects.requireNonNull(quarantineTable, "quarantineTable");
    Objects.requireNonNull(quarantineTopic, "quarantineTopic");
    Objects.requireNonNull(qualityResults, "qualityResults");
    Objects.requireNonNull(silver, "silver");
    gold = Map.copyOf(gold);
    for (SalesGrain grain : SalesGrain.values()) {
      if (!gold.containsKey(grain)) {
        throw new IllegalArgumentException("no gold sink for " + grain);
      }
    }
  }
}
