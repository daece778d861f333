package io.suqi.agents.analytics;

import io.suqi.agents.time.TimeRange;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A question reduced to what the SQL needs: one metric, in total or per store, optionally the
 * first {@code limit} stores in an order, over a period.
 */
public record AnalyticsQuery(Metric metric, Grouping grouping, Order order, OptionalInt limit, TimeRange period) {

  public enum Grouping { TOTAL, STORE }

  public enum Order { HIGHEST_FIRST, LOWEST_FIRST }

  public AnalyticsQuery {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(grouping, "grouping");
    Objects.requireNonNull(order, "order");
    Objects.requireNonNull(limit, "limit");
    Objects.requireNonNull(period, "period");
    if (grouping == Grouping.TOTAL && limit.isPresent()) {
      throw new IllegalArgumentException("a total is one row; it takes no limit");
    }
    if (limit.isPresent() && limit.getAsInt() < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit.getAsInt());
    }
  }

  public static AnalyticsQuery total(Metric metric, TimeRange period) {
    return new AnalyticsQuery(metric, Grouping.TOTAL, Order.HIGHEST_FIRST, OptionalInt.empty(), period);
  }

  /** Every store, highest first. */
  public static AnalyticsQuery byStore(Metric metric, TimeRange period) {
    return new AnalyticsQuery(metric, Grouping.STORE, Order.HIGHEST_FIRST, OptionalInt.empty(), period);
  }

  public static AnalyticsQuery top(Metric metric, int stores, TimeRange period) {
    return new AnalyticsQuery(metric, Grouping.STORE, Order.HIGHEST_FIRST, OptionalInt.of(stores), period);
  }

  public static AnalyticsQuery bottom(Metric metric, int stores, TimeRange period) {
    return new AnalyticsQuery(metric, Grouping.STORE, Order.LOWEST_FIRST, OptionalInt.of(stores), period);
  }
}
