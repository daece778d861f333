package io.suqi.lakehouse;

import static org.assertj.core.api.Assertions.assertThat;

import io.suqi.lakehouse.RetailJson.Header;
import io.suqi.lakehouse.RetailJson.Item;
import io.suqi.lakehouse.bronze.InputSource;
import io.suqi.lakehouse.bronze.RawEvent;
import io.suqi.lakehouse.gold.SalesCell;
import io.suqi.lakehouse.gold.SalesGrain;
import io.suqi.lakehouse.quality.QualityResult;
import io.suqi.lakehouse.quality.QuarantinedRecord;
import io.suqi.lakehouse.reference.InMemoryReferenceData;
import io.suqi.lakehouse.silver.SilverChange;
import io.suqi.schemas.Topics;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

/** The whole topology on a MiniCluster, with records from memory and collecting sinks. */
class MedallionJobTest {

  private static final Instant DAY = Instant.parse("2026-10-01T09:00:00Z");

  /** Raw events are not serializable; what the generator source rebuilds them from is. */
  private record Input(InputSource source, String topic, long offset, String value) implements Serializable {

    RawEvent event() {
      return new RawEvent(source, topic, 0, offset, null, value, Instant.now());
    }
  }

  private final ArrayList<Input> input = new ArrayList<>();
  private final CollectingSink<RawEvent> bronze = new CollectingSink<>();
  private final CollectingSink<QuarantinedRecord> quarantineTable = new CollectingSink<>();
  private final CollectingSink<QuarantinedRecord> quarantineTopic = new CollectingSink<>();
  private final CollectingSink<QualityResult> quality = new CollectingSink<>();
  private final CollectingSink<SilverChange> silver = new CollectingSink<>();
  private final Map<SalesGrain, CollectingSink<SalesCell>> gold = new EnumMap<>(SalesGrain.class);

  @Test
  void turnsRawRecordsIntoExactGold() throws Exception {
    Header sale = new Header("a", "t1", 1, null, DAY, "completed", "card");
    Item food = new Item(1, 101, 2, "10.00", "1.00");
    pos(sale, List.of(food));
    pos(sale, List.of(food));                                                   // duplicate
    pos(new Header("b", "t1", 1, null, DAY.minus(Duration.ofDays(3)), "completed", "card"), List.of(food));
    pos(new Header("c", "t1", 2, null, DAY, "completed", "cash"), List.of(food));
    pos(new Header("c", "t1", 2, null, DAY, "refunded", "cash"), List.of(food));  // refund after sale
    cdc(Topics.CDC_TRANSACTION_ITEMS.name(), RetailJson.cdcItem("c", "d", new Item(1, 102, 3, "2.50", "0"), 21));
    cdc(Topics.CDC_TRANSACTIONS.name(), RetailJson.cdcHeader("c",
        new Header("d", "t1", 1, 5L, DAY.plusSeconds(60), "completed", "card"), 20));
    cdc(Topics.CDC_TRANSACTIONS.name(), RetailJson.cdcHeader("c", sale, 30));   // "a" again, from CDC
    cdc(Topics.CDC_TRANSACTION_ITEMS.name(), RetailJson.cdcItem("c", "a", food, 31));
    raw(InputSource.POS, Topics.POS_TRANSACTIONS.name(), "{not json");
    pos(new Header("e", "t1", 42, null, DAY, "completed", "card"), List.of(food)); // unknown store
    cdc(Topics.CDC_TRANSACTIONS.name(), null);                                   // tombstone

    run();

    assertThat(bronze.received()).hasSize(input.size());
    assertThat(quarantineTable.received()).extracting(QuarantinedRecord::expectation)
        .containsExactlyInAnyOrder("json_well_formed", "store_known_for_tenant");
    assertThat(quarantineTopic.received()).hasSize(2);
    Map<String, SalesCell> daily = latestByKey(gold.get(SalesGrain.DAILY_STORE).received());
    assertThat(daily.values()).filteredOn(cell -> cell.txnCount() > 0)
        .extracting(cell -> cell.storeId() + "@" + cell.bucket().toString().substring(0, 10),
            cell -> cell.revenue().stripTrailingZeros().toPlainString(), SalesCell::units, SalesCell::txnCount)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("1@2026-10-01", "26.5", 5L, 2L),   // a (19) + d (7.50)
            org.assertj.core.groups.Tuple.tuple("1@2026-09-28", "19", 2L, 1L));
    assertThat(daily.values()).filteredOn(cell -> cell.storeId() == 2)
        .singleElement().satisfies(cell -> assertThat(cell.txnCount()).as("refunded: no row").isZero());
    assertThat(latestByKey(gold.get(SalesGrain.DAILY_CATEGORY_REGION).received()).values())
        .filteredOn(cell -> cell.bucket().equals(Instant.parse("2026-10-01T00:00:00Z")) && cell.txnCount() > 0)
        .extracting(SalesCell::category, cell -> cell.revenue().stripTrailingZeros().toPlainString())
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("food", "19"),
            org.assertj.core.groups.Tuple.tuple("drinks", "7.5"));
    assertThat(silver.received()).extracting(SilverChange::txnId).containsOnly("a", "b", "c", "d");
  }

  private void run() throws Exception {
    for (SalesGrain grain : SalesGrain.values()) {
      gold.put(grain, new CollectingSink<>());
    }
    Map<SalesGrain, Sink<SalesCell>> goldSinks = new EnumMap<>(gold);
    MedallionSinks sinks = new MedallionSinks(bronze, quarantineTable, quarantineTopic, quality, silver,
        goldSinks);
    ArrayList<Input> records = new ArrayList<>(input);
    DataGeneratorSource<RawEvent> source = new DataGeneratorSource<>(index -> records.get(index.intValue()).event(),
        records.size(), TypeInformation.of(RawEvent.class));
    // Every type must have a Flink serializer: no silent (slow, fragile) Kryo fallback.
    Configuration configuration = new Configuration();
    configuration.set(PipelineOptions.GENERIC_TYPES, false);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(configuration);
    env.setParallelism(2);
    new MedallionJob(source, sinks, InMemoryReferenceData.standard().source(), MedallionSettings.DEFAULTS)
        .attachTo(env);
    env.execute("medallion-test");
  }

  private static Map<String, SalesCell> latestByKey(List<SalesCell> totals) {
    Map<String, SalesCell> latest = new HashMap<>();
    totals.forEach(cell -> latest.put(cell.key(), cell));
    return latest;
  }

  private void pos(Header header, List<Item> items) {
    raw(InputSource.POS, Topics.POS_TRANSACTIONS.name(), RetailJson.pos(header, items));
  }

  private void cdc(String topic, String value) {
    raw(InputSource.CDC, topic, value);
  }

  private void raw(InputSource source, String topic, String value) {
    input.add(new Input(source, topic, input.size(), value));
  }
}
