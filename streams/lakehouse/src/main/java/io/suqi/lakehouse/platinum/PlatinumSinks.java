package io.suqi.lakehouse.platinum;

import java.util.Objects;
import org.apache.flink.api.connector.sink2.Sink;

/**
 * Where the platinum features go. The job wires the real ones; tests pass collecting sinks.
 *
 * @param storeDayFeatures platinum.store_day_features
 * @param customerRfm platinum.customer_rfm
 */
public record PlatinumSinks(Sink<StoreDayFeatures> storeDayFeatures, Sink<CustomerRfm> customerRfm) {

  public PlatinumSinks {
    Objects.requireNonNull(storeDayFeatures, "storeDayFeatures");
    Objects.requireNonNull(customerRfm, "customerRfm");
  }
}
