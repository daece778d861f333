package io.suqi.lakehouse.platinum;

import io.suqi.lakehouse.MedallionStreams;
import io.suqi.lakehouse.gold.SalesGrain;
import java.time.Duration;
import java.util.Objects;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * The platinum layer, attached to the medallion's streams: machine-learning features kept current
 * as sales arrive. Per store and UTC day, from the gold daily totals: the day's sales with trailing
 * windows, lags and calendar features (platinum.store_day_features). Per identified customer, from
 * silver: recency, frequency and monetary value (platinum.customer_rfm).
 */
public final class PlatinumJob {

  /** How long purchase changes are added up per customer before the shuffle. */
  static final Duration COMBINE = Duration.ofMillis(500);

  private final PlatinumSinks sinks;
  private final PlatinumSettings settings;

  public PlatinumJob(PlatinumSinks sinks, PlatinumSettings settings) {
    this.sinks = Objects.requireNonNull(sinks, "sinks");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  public void attachTo(MedallionStreams streams) {
    DataStream<StoreDayFeatures> features = streams.goldTotals()
        .filter(total -> total.grain() == SalesGrain.DAILY_STORE).name("platinum-daily-totals")
        .uid("platinum-filter-daily-store")
        .keyBy(StoreDayFeaturizer::storeKey)
        .process(new StoreDayFeaturizer(settings)).name("store-day-features").uid("store-day-features");
    features.sinkTo(sinks.storeDayFeatures()).name("platinum.store_day_features").uid("store-day-features-sink");

    DataStream<CustomerRfm> customers = streams.silverChanges()
        .flatMap(new PurchaseDeltas()).name("purchase-deltas").uid("purchase-deltas")
        .transform("purchase-delta-combiner", TypeInformation.of(PurchaseChanges.class),
            new PurchaseDeltaCombiner(COMBINE)).uid("purchase-delta-combiner")
        .keyBy(PurchaseChanges::customerKey)
        .process(new CustomerRfmAggregator()).name("customer-rfm").uid("customer-rfm");
    customers.sinkTo(sinks.customerRfm()).name("platinum.customer_rfm").uid("customer-rfm-sink");
  }
}
