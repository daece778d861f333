package io.suqi.lakehouse.gold;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The measures of one gold row, or a change to them. Between silver and gold a cell is a delta
 * (a transaction's contribution added or taken back); out of gold it is the absolute total.
 *
 * @param storeId null for {@link SalesGrain#DAILY_CATEGORY_REGION}
 * @param bucket the start of the UTC day or hour
 * @param category set for {@link SalesGrain#DAILY_CATEGORY_REGION} only
 * @param region set for {@link SalesGrain#DAILY_CATEGORY_REGION} only
 */
public record SalesCell(SalesGrain grain, String tenantId, Long storeId, Instant bucket, String category,
    String region, BigDecimal revenue, long units, long txnCount) {

  /** The gold row a cell belongs to, as a value: what {@link #key()} says, without building text. */
  public record Row(SalesGrain grain, String tenantId, Long storeId, Instant bucket, String category, String region) {
  }

  public Row row() {
    return new Row(grain, tenantId, storeId, bucket, category, region);
  }

  /** Identifies the gold row: the key of the aggregate. */
  public String key() {
    return grain + "|" + tenantId + "|" + storeId + "|" + bucket + "|" + category + "|" + region;
  }

  public SalesCell plus(SalesCell other) {
    return withMeasures(revenue.add(other.revenue), units + other.units, txnCount + other.txnCount);
  }

  public SalesCell negated() {
    return withMeasures(revenue.negate(), -units, -txnCount);
  }

  public boolean isZero() {
    return revenue.signum() == 0 && units == 0 && txnCount == 0;
  }

  private SalesCell withMeasures(BigDecimal newRevenue, long newUnits, long newTxnCount) {
    return new SalesCell(grain, tenantId, storeId, bucket, category, region, newRevenue, newUnits, newTxnCount);
  }
}
