package io.suqi.lakehouse.platinum;

/**
 * A customer as the RFM aggregate keys it: "tenant/customer". Customer ids are numbers, so the
 * last '/' separates the two.
 */
public record CustomerKey(String tenantId, long customerId) {

  public static CustomerKey parse(String key) {
    int slash = key.lastIndexOf('/');
    return new CustomerKey(key.substring(0, slash), Long.parseLong(key.substring(slash + 1)));
  }

  @Override
  public String toString() {
    return tenantId + "/" + customerId;
  }
}
