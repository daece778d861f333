package io.suqi.lakehouse.metrics;

/**
 * A store as the analytics key it: "tenant/store", also the record key on the real-time metrics
 * and anomaly topics. The store id is a number, so the last '/' separates the two.
 */
public record StoreKey(String tenantId, long storeId) {

  public static StoreKey parse(String key) {
    int slash = key.lastIndexOf('/');
    return new StoreKey(key.substring(0, slash), Long.parseLong(key.substring(slash + 1)));
  }

  @Override
  public String toString() {
    return tenantId + "/" + storeId;
  }
}
